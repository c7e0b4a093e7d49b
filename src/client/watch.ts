/**
 * Keeps a listener up to date with the zone table: it hears every daemon's
 * events, every daemon coming and going, and every edit of the zone index,
 * each time with the whole list read afresh. All of it is pushed (inotify
 * and the eventstreams); nothing is polled.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZoneEvent } from '../protocol/commands.js';
import type { CallContext } from './door-call.js';
import { Follower } from './follow.js';
import { listZones } from './list.js';
import type { ZoneView } from './types.js';

export type WatchListener = (zones: ZoneView[], event?: ZoneEvent) => void;

// Index writes replace the file by renaming a temporary one into place.
const INDEX_FILE = 'zones.json';

export function watchZones(
  ctx: CallContext,
  listener: WatchListener,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  let stopped = false;
  // Updates go out one at a time and in order; plain changes that pile up
  // while one is being read are folded into a single update.
  let chain = Promise.resolve();
  let changePending = false;

  const update = (event?: ZoneEvent) => {
    if (!event) {
      if (changePending) {
        return;
      }
      changePending = true;
    }

    chain = chain.then(async () => {
      if (!event) {
        changePending = false;
      }
      if (stopped) {
        return;
      }
      try {
        const zones = await listZones(ctx);
        if (!stopped) {
          listener(zones, event);
        }
      } catch (error) {
        onError(error);
      }
    });
  };

  const follower = new Follower(ctx.paths, ctx.language, {
    event: (event) => update(event),
    change: () => update(),
  });

  fs.mkdirSync(ctx.paths.etc, { recursive: true, mode: 0o755 });
  const indexWatcher = fs.watch(ctx.paths.etc, (_type, name) => {
    if (name?.toString() === path.basename(INDEX_FILE)) {
      update();
    }
  });

  follower.start();
  update();

  return () => {
    stopped = true;
    follower.stop();
    indexWatcher.close();
  };
}
