import type { Handlers } from './router';
import { bootId, bootedAt, recordBoot } from './boot';
import { none } from './parse';

export const coreHandlers: Pick<Handlers, 'ping'> = {
  ping: {
    parse: none,
    run: async () => ({ bootId, bootedAt, boots: await recordBoot() }),
  },
};
