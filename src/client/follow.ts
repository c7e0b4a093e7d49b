/**
 * Follows the eventstreams of zones' daemons, including daemons that start
 * later: the run directory and each zone's run directory are watched (inotify
 * through fs.watch), and a door that appears is subscribed to at once. When
 * a daemon goes away its stream ends, and the next door is picked up the
 * same way. Nothing is polled.
 */
import fs from 'node:fs';
import { isZoneName } from '../core/zonename.js';
import type { Language } from '../core/language.js';
import { zoneRunDir, type Paths } from '../core/paths.js';
import type { ZoneEvent } from '../protocol/commands.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import type { ZoneSnapshot } from '../protocol/messages.js';
import { doorPath, DOOR_NAME } from '../protocol/paths.js';
import { DoorSocket } from './door-socket.js';

export interface FollowListeners {
  /** A daemon's current state, when its stream starts. */
  snapshot?(zone: ZoneSnapshot): void;
  event?(event: ZoneEvent): void;
  /** A daemon appeared or went away. */
  change?(zone: string): void;
}

export class Follower {
  private runWatcher: fs.FSWatcher | undefined;
  private readonly zoneWatchers = new Map<string, fs.FSWatcher>();
  private readonly streams = new Map<string, DoorSocket | 'connecting'>();
  private stopped = false;
  /** Events from this moment on are wanted, even from a late-found daemon. */
  private readonly startedAt = Date.now();
  /** The time of the last event heard per zone, not to hear it twice. */
  private readonly heard = new Map<string, number>();

  constructor(
    private readonly paths: Paths,
    private readonly locale: Language,
    private readonly listeners: FollowListeners,
    /** Only these zones; every zone when undefined. */
    private readonly only?: ReadonlySet<string>,
  ) {}

  start(): void {
    fs.mkdirSync(this.paths.run, { recursive: true, mode: 0o755 });
    this.runWatcher = fs.watch(this.paths.run, (_type, name) => {
      if (name) {
        this.watchZone(name.toString());
      }
    });

    for (const name of fs.readdirSync(this.paths.run)) {
      this.watchZone(name);
    }
  }

  stop(): void {
    this.stopped = true;
    this.runWatcher?.close();
    for (const watcher of this.zoneWatchers.values()) {
      watcher.close();
    }
    for (const stream of this.streams.values()) {
      if (stream !== 'connecting') {
        stream.close();
      }
    }
    this.zoneWatchers.clear();
    this.streams.clear();
  }

  /** Zones whose daemon streams to us right now. */
  get live(): string[] {
    return [...this.streams.keys()];
  }

  // A zone's run directory may be created, or removed and created again; a
  // watcher on a removed directory is dead, so it is replaced each time.
  private watchZone(zone: string): void {
    if (this.stopped || !isZoneName(zone)) {
      return;
    }
    if (this.only && !this.only.has(zone)) {
      return;
    }

    this.zoneWatchers.get(zone)?.close();
    this.zoneWatchers.delete(zone);

    try {
      const watcher = fs.watch(zoneRunDir(this.paths, zone), (_t, name) => {
        if (name?.toString() === DOOR_NAME) {
          void this.subscribe(zone);
        }
      });
      watcher.on('error', () => watcher.close());
      this.zoneWatchers.set(zone, watcher);
    } catch {
      // Not a directory, or already gone again.
    }

    void this.subscribe(zone);
  }

  private async subscribe(zone: string): Promise<void> {
    if (this.stopped || this.streams.has(zone)) {
      return;
    }
    if (!fs.existsSync(doorPath(this.paths, zone))) {
      return;
    }

    this.streams.set(zone, 'connecting');
    let socket: DoorSocket;
    try {
      socket = await DoorSocket.connect(doorPath(this.paths, zone));
    } catch {
      // A dead daemon's door: the next daemon replaces it, and we hear so.
      this.streams.delete(zone);
      return;
    }

    if (this.stopped) {
      socket.close();
      return;
    }

    this.streams.set(zone, socket);
    let answered = false;
    socket.onMessage((message) => {
      answered = true;
      if (message.type === 'snapshot') {
        this.listeners.snapshot?.(message.zone);
      } else if (message.type === 'event') {
        this.heard.set(zone, Date.parse(message.event.time));
        this.listeners.event?.(message.event);
      }
    });
    socket.onClose(() => {
      if (this.streams.get(zone) === socket) {
        this.streams.delete(zone);
        this.listeners.change?.(zone);
        // A new daemon may already be listening. A daemon that closed
        // without a word (full, or dying) is left to the next door event,
        // so that it is not hammered with reconnections.
        if (answered) {
          void this.subscribe(zone);
        }
      }
    });
    const heard = this.heard.get(zone);
    socket.send({
      v: PROTOCOL_VERSION,
      type: 'subscribe',
      seq: 0,
      locale: this.locale,
      since: heard === undefined ? this.startedAt : heard + 1,
    });
    this.listeners.change?.(zone);
  }
}
