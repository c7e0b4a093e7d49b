/**
 * Attaching to a zone's console: make sure its daemon runs (starting one
 * if needed, as for a transition), then open the console socket beside
 * the door. A daemon may leave between the two steps, when the zone is
 * installed and nobody watched it yet; then a fresh one is started.
 */
import { daemonErrors } from '../core/errors/daemon.js';
import { checkZoneName } from '../core/zonename.js';
import { ZoneIndex } from '../config/zone-index.js';
import { consoleSocketPath } from '../protocol/paths.js';
import { connectConsole } from './console-connection.js';
import type { CallContext } from './door-call.js';
import { queryStatus } from './requests.js';
import type { ConsoleOptions, ConsoleSession } from './types.js';

// Daemons that leave just as we attach are rare; more than a few in a row
// means something else is wrong, and the last error says what.
const ATTEMPTS = 3;

export async function openConsole(
  ctx: CallContext,
  zone: string,
  options: ConsoleOptions,
): Promise<ConsoleSession> {
  checkZoneName(zone);
  const socketPath = consoleSocketPath(ctx.paths, zone);

  for (let attempt = 1; ; attempt++) {
    const snapshot = await queryStatus(ctx, zone, 'always');
    if (!snapshot) {
      const state = new ZoneIndex(ctx.paths).get(zone).state;
      throw daemonErrors.notManageable(zone, state);
    }

    try {
      return await connectConsole(socketPath, zone, options);
    } catch (error) {
      if (attempt >= ATTEMPTS || !daemonLeft(error)) {
        throw error;
      }
    }
  }
}

function daemonLeft(error: unknown): boolean {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;

  return cause?.code === 'ENOENT' || cause?.code === 'ECONNREFUSED';
}
