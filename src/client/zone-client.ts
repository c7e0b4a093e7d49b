/**
 * The real ZoneClient: the zone index for what is configured, each zone's
 * daemon (started on demand) for what is live.
 */
import type { Language } from '../core/language.js';
import type { Paths } from '../core/paths.js';
import { checkZoneName } from '../core/zonename.js';
import type { CallContext } from './door-call.js';
import { listZones } from './list.js';
import { openConsole } from './open-console.js';
import { requestTransition } from './requests.js';
import type {
  ConsoleOptions,
  ConsoleSession,
  ZoneClient,
  ZoneView,
} from './types.js';
import { watchZones, type WatchListener } from './watch.js';

export interface ClientOptions {
  paths: Paths;
  /** The language for anything the client itself says. */
  language: Language;
  env?: NodeJS.ProcessEnv;
  /** Errors met while watching, which has no caller to throw to. */
  onWatchError?: (error: unknown) => void;
}

export function createZoneClient(options: ClientOptions): ZoneClient {
  const base: CallContext = {
    paths: options.paths,
    language: options.language,
    env: options.env ?? process.env,
  };

  return {
    list: (): Promise<ZoneView[]> => listZones(base),

    watch: (listener: WatchListener) =>
      watchZones(base, listener, options.onWatchError),

    request: (zone, command, request) => {
      checkZoneName(zone);
      return requestTransition(
        { ...base, language: request.locale },
        zone,
        command,
        request.args,
      );
    },

    console: (
      zone: string,
      consoleOptions: ConsoleOptions,
    ): Promise<ConsoleSession> =>
      openConsole(
        { ...base, language: consoleOptions.locale },
        zone,
        consoleOptions,
      ),
  };
}
