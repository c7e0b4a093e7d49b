/**
 * Returns once a zone reaches a state: at once when it is there already,
 * else when an event or the zone index says so. With --timeout it gives up
 * after that many seconds, saying where the zone is instead.
 */
import { ZoneIndex } from '../../config/zone-index.js';
import { daemonErrors } from '../../core/errors/daemon.js';
import { isZoneState, ZONE_STATES, type ZoneState } from '../../core/states.js';
import { checkZoneName } from '../../core/zonename.js';
import { createZoneClient } from '../../client/zone-client.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zone = checkZoneName(line.positionals[0] ?? '');
  const target = line.positionals[1] ?? '';
  if (!isZoneState(target)) {
    throw daemonErrors.badState(target, ZONE_STATES.join(', '));
  }
  const seconds = timeoutOf(line.flags.timeout);
  let current: ZoneState = new ZoneIndex(ctx.paths).get(zone).state;

  let fail: (error: unknown) => void = () => undefined;
  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
    onWatchError: (error) => fail(error),
  });

  let stop = () => undefined as void;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      fail = reject;
      stop = client.watch((zones, event) => {
        current = zones.find((z) => z.name === zone)?.state ?? current;
        const passed = event?.zone === zone && event.to === target;
        if (current === target || passed) {
          resolve();
        }
      });

      if (seconds !== undefined) {
        timer = setTimeout(
          () =>
            reject(daemonErrors.waitTimeout(zone, target, current, seconds)),
          seconds * 1000,
        );
      }
    });
  } finally {
    clearTimeout(timer);
    stop();
  }
}

function timeoutOf(flag: string | boolean | undefined): number | undefined {
  if (flag === undefined) {
    return undefined;
  }

  const seconds = Number(flag);
  if (typeof flag !== 'string' || !Number.isFinite(seconds) || seconds <= 0) {
    throw daemonErrors.badTimeout(String(flag));
  }

  return seconds;
}
