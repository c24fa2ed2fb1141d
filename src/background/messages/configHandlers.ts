import type { ConfigService } from '../config/configService';
import { none, object, string } from './parse';
import type { Handlers } from './router';

export interface ConfigHandlerDeps {
  config: ConfigService;
}

export function createConfigHandlers({
  config,
}: ConfigHandlerDeps): Pick<Handlers, 'config.get' | 'config.save'> {
  return {
    'config.get': { parse: none, run: () => config.load() },
    'config.save': {
      parse: (raw) => ({ json: string(object(raw), 'json', { max: 10_000 }) }),
      run: ({ json }) => config.save(json),
    },
  };
}
