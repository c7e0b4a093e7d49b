import fs from 'node:fs';
import { errors } from '../core/errors/platform.js';
import type { LogLevel, Logger } from '../core/logger.js';
import { mountForAdmin, unmountAdmin } from './admin-mount.js';
import { bootArgs, initOf } from './brand.js';
import { readHierarchies, type Hierarchies } from './cgroup/hierarchy.js';
import { createZoneCgroup, existingCgroupDirs } from './cgroup/zone-cgroup.js';
import {
  holderPrivilege,
  isRootless,
  rootPrivilege,
  userPrivilege,
  type Host,
} from './host.js';
import { zoneLayout, type ZoneLayout } from './layout.js';
import { SocketHolderLink } from './link/holder-link.js';
import { askHolder } from './link/request.js';
import { startHolder } from './link/start.js';
import { fromHolder, probeZone } from './probe.js';
import type { RemoteError } from './protocol/messages.js';
import { buildZoneRoot } from './setup/zone-root.js';
import { recordInit, teardown } from './teardown.js';
import type {
  HolderLink,
  Platform,
  PlatformState,
  Probe,
  ZoneSpec,
} from './types.js';
import { claimZoneId } from './zone-id.js';

export interface PlatformOptions {
  readonly logger: Logger;
  /** How much each zone's holder writes to its log; info by default. */
  readonly holderLogLevel?: LogLevel;
  /**
   * Reads the host's cgroup trees; the mount table by default. A test
   * stands in for a host that lacks a controller with it.
   */
  readonly hierarchies?: () => Hierarchies;
}

/**
 * The Linux virtual platform. It keeps nothing in memory between calls:
 * every call reads the host (and asks the holder), so any process, at any
 * time, can pick a zone up where another left it.
 */
export class LinuxPlatform implements Platform {
  private readonly logger: Logger;
  private readonly holderLogLevel: LogLevel;
  private readonly hierarchies: () => Hierarchies;

  constructor(options: PlatformOptions) {
    this.logger = options.logger;
    this.holderLogLevel = options.holderLogLevel ?? 'info';
    this.hierarchies = options.hierarchies ?? readHierarchies;
  }

  probe(spec: ZoneSpec): Promise<Probe> {
    return probeZone(this.host(), zoneLayout(spec));
  }

  async ready(spec: ZoneSpec): Promise<Probe> {
    const started = performance.now();
    const layout = zoneLayout(spec);
    await this.expect(layout, 'ready', ['installed']);

    let notApplied: readonly string[] = [];
    try {
      notApplied = await this.setUp(spec, layout);
    } catch (error) {
      await this.rollBack(layout, 'ready', error);
      throw error;
    }

    const probe = await probeZone(this.host(), layout);
    this.logger.info('zone ready', {
      zone: layout.zone,
      id: probe.id,
      holderPid: probe.holderPid,
      ms: Math.round(performance.now() - started),
      ...(notApplied.length > 0 ? { notApplied } : {}),
    });

    return notApplied.length > 0 ? { ...probe, notApplied } : probe;
  }

  async boot(spec: ZoneSpec, args: readonly string[]): Promise<Probe> {
    const started = performance.now();
    const layout = zoneLayout(spec);
    await this.expect(layout, 'boot', ['ready']);

    const hierarchies = this.hierarchies();
    const cgroupProcs = existingCgroupDirs(layout.cgroupName, hierarchies).map(
      (dir) => `${dir}/cgroup.procs`,
    );
    const init = initOf(spec.config);
    let answer;
    try {
      answer = await askHolder(layout.socket, {
        op: 'boot',
        init,
        args: bootArgs(spec.config, args),
        cgroupProcs: trackingFirst(cgroupProcs, hierarchies.unified),
      });
    } catch (error) {
      await this.rollBack(layout, 'boot', error);
      throw errors.holderUnreachable(layout.zone, error);
    }

    if (answer.reply?.op !== 'booted') {
      const error =
        answer.reply?.op === 'failed'
          ? errors.fromHolder(answer.reply.error as RemoteError)
          : errors.holderUnreachable(layout.zone, new Error('no reply'));
      await this.rollBack(layout, 'boot', error);
      throw error;
    }

    const probe = fromHolder(answer.reply.state);
    recordInit(layout, probe.initPid);
    this.logger.info('zone booted', {
      zone: layout.zone,
      initPid: probe.initPid,
      generation: probe.generation,
      ms: Math.round(performance.now() - started),
    });

    return probe;
  }

  async halt(spec: ZoneSpec): Promise<Probe> {
    const started = performance.now();
    const layout = zoneLayout(spec);
    const state = await this.expect(layout, 'halt', [
      'installed',
      'ready',
      'running',
      'dead',
    ]);
    if (state === 'installed') {
      return { state };
    }

    if (state !== 'dead') {
      try {
        await askHolder(layout.socket, { op: 'halt' });
      } catch (error) {
        // Teardown below kills whatever the holder could not end.
        this.logger.warn('holder did not halt', { zone: layout.zone, error });
      }
    }
    await teardown(this.host(), layout);

    this.logger.info('zone halted', {
      zone: layout.zone,
      from: state,
      ms: Math.round(performance.now() - started),
    });
    return { state: 'installed' };
  }

  async mount(spec: ZoneSpec): Promise<Probe> {
    const layout = zoneLayout(spec);
    await this.expect(layout, 'mount', ['installed']);

    await mountForAdmin(this.host(), layout, spec.config);
    this.logger.info('zone mounted', {
      zone: layout.zone,
      at: layout.adminDir,
    });

    return probeZone(this.host(), layout);
  }

  async unmount(spec: ZoneSpec): Promise<Probe> {
    const layout = zoneLayout(spec);
    const state = await this.expect(layout, 'unmount', [
      'installed',
      'mounted',
    ]);

    if (state === 'mounted') {
      await unmountAdmin(this.host(), layout);
      this.logger.info('zone unmounted', { zone: layout.zone });
    }

    return probeZone(this.host(), layout);
  }

  async cleanup(spec: ZoneSpec): Promise<Probe> {
    const layout = zoneLayout(spec);
    const host = this.host();

    this.logger.warn('cleaning up after a dead holder', { zone: layout.zone });
    await teardown(host, layout);
    await unmountAdmin(host, layout);

    return probeZone(this.host(), layout);
  }

  async attach(spec: ZoneSpec): Promise<HolderLink> {
    const layout = zoneLayout(spec);

    try {
      return await SocketHolderLink.attach(layout.socket);
    } catch (error) {
      throw errors.holderUnreachable(layout.zone, error);
    }
  }

  /**
   * The three independent parts of ready run side by side: the holder's
   * start (most of the time: Node's own start-up), the namespaces and
   * mounts, and the cgroup. Rootless, the namespaces live inside the
   * holder's user namespace, so they wait for it.
   */
  private async setUp(
    spec: ZoneSpec,
    layout: ZoneLayout,
  ): Promise<readonly string[]> {
    fs.mkdirSync(layout.runDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(layout.runDir, 0o700);
    fs.mkdirSync(layout.platformDir, { mode: 0o700 });

    const rootless = isRootless();
    const id = claimZoneId(layout);
    const holder = startHolder(
      layout,
      { id, logLevel: this.holderLogLevel, rootless },
      this.logger,
    );
    const cgroup = Promise.resolve().then(() =>
      createZoneCgroup(
        layout.zone,
        layout.cgroupName,
        spec.config,
        this.hierarchies(),
        this.logger,
      ),
    );
    const root = rootless
      ? holder.then((pid) =>
          buildZoneRoot(
            { ...this.host(), privilege: holderPrivilege(pid) },
            layout,
            spec.config,
          ),
        )
      : buildZoneRoot(this.host(), layout, spec.config);

    const [, , setup] = await settleAll([holder, root, cgroup]);

    return setup.notApplied;
  }

  private async rollBack(
    layout: ZoneLayout,
    command: string,
    error: unknown,
  ): Promise<void> {
    this.logger.warn(`${command} failed; rolling back`, {
      zone: layout.zone,
      error,
    });
    try {
      await teardown(this.host(), layout);
    } catch (failure) {
      this.logger.error('rollback failed', {
        zone: layout.zone,
        error: failure,
      });
    }
  }

  private async expect(
    layout: ZoneLayout,
    command: string,
    allowed: readonly PlatformState[],
  ): Promise<PlatformState> {
    const { state } = await probeZone(this.host(), layout);

    if (!allowed.includes(state)) {
      throw errors.wrongState(command, layout.zone, state);
    }

    return state;
  }

  private host(): Host {
    return {
      logger: this.logger,
      privilege: isRootless() ? userPrivilege : rootPrivilege,
      hierarchies: this.hierarchies,
    };
  }
}

// The unified tree's cgroup.procs lists every process; init's pid is read
// from the first one given.
function trackingFirst(procs: string[], unified: string | undefined): string[] {
  return [...procs].sort(
    (a, b) =>
      Number(!unified || !a.startsWith(unified)) -
      Number(!unified || !b.startsWith(unified)),
  );
}

/**
 * Waits for every promise, even after one fails, so that rollback never
 * races a part still running; then rejects with the first failure.
 */
async function settleAll<T extends readonly unknown[]>(promises: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');

  if (failed) {
    throw (failed as PromiseRejectedResult).reason;
  }

  return results.map(
    (r) => (r as PromiseFulfilledResult<unknown>).value,
  ) as unknown as T;
}
