import { bootId, bootedAt, recordBoot } from '../boot';
import { none } from './parse';
import type { Handlers } from './router';

export function createCoreHandlers(): Pick<Handlers, 'ping'> {
  return {
    ping: {
      parse: none,
      run: async () => ({ bootId, bootedAt, boots: await recordBoot() }),
    },
  };
}
