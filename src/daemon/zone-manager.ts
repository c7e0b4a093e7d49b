/**
 * One zone as its daemon manages it: the state read from the host, the
 * queue that runs one transition at a time, the holder link that brings
 * upcalls, and the events and audit records each transition leaves.
 */
import { isZoneError } from '../core/errors/zone-error.js';
import { daemonErrors } from '../core/errors/daemon.js';
import type { Logger } from '../core/logger.js';
import type { Paths } from '../core/paths.js';
import type { ZoneState } from '../core/states.js';
import type { ZoneIndex } from '../config/zone-index.js';
import type { HolderLink, Platform, Probe, Upcall } from '../platform/types.js';
import type { DoorCommand, ZoneEventName } from '../protocol/commands.js';
import type { ZoneSnapshot } from '../protocol/messages.js';
import type { AuditLog, AuditResult } from './audit.js';
import type { Who } from './caller.js';
import { deriveState } from './derive-state.js';
import type { EventHub } from './event-hub.js';
import { SerialQueue } from './serial-queue.js';
import { runPlan, type PlanContext } from './run-plan.js';
import { planFor, type Already } from './table.js';

export interface ManagerDeps {
  zone: string;
  paths: Paths;
  platform: Platform;
  index: ZoneIndex;
  logger: Logger;
  hub: EventHub;
  audit: AuditLog;
}

/** Who a transition is for: a verified-or-claimed process, or the zone. */
export type Asker = { who: Promise<Who>; label: string } | 'zone';

/** What came of one request, before it is put into the caller's words. */
export interface Outcome {
  ok: boolean;
  result: AuditResult;
  from: ZoneState;
  state: ZoneState;
  already?: Already;
  error?: unknown;
}

export interface StartInfo {
  state: ZoneState;
  /** The zone was beyond installed: a previous daemon died without ending. */
  recovered: boolean;
}

export class ZoneManager {
  state: ZoneState = 'installed';
  /** Set by note_uninstalling: the daemon must go away. */
  uninstalling = false;
  /** Set when the daemon goes away: queued requests are turned back. */
  refusing = false;
  private probe: Probe = { state: 'installed' };
  private teardownFailed = false;
  private link: HolderLink | undefined;
  private readonly queue = new SerialQueue();
  private readonly settled: (() => void)[] = [];

  constructor(private readonly deps: ManagerDeps) {}

  /** Requests queued or running. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Called after every finished task, to decide whether to go away. */
  onSettled(listener: () => void): void {
    this.settled.push(listener);
  }

  /**
   * Reads the zone from the host, cleans up after a dead holder, reattaches
   * to a live one, and queues an upcall that nobody acted on yet.
   */
  async start(): Promise<StartInfo> {
    await this.refresh('daemon start', true);
    const recovered = this.state !== 'installed';

    if (recovered) {
      this.deps.logger.warn('recovered a zone whose daemon had died', {
        state: this.state,
        generation: this.probe.generation,
      });
      await this.attach();
    }

    const pending = this.probe.pendingUpcall;
    if (pending && pending.generation === this.probe.generation) {
      this.deps.logger.info('acting on an upcall made while no daemon ran', {
        upcall: pending,
      });
      void this.queue
        .run(() => this.actOnUpcall(pending))
        .finally(() => this.notify());
    }

    return { state: this.state, recovered };
  }

  snapshot(): ZoneSnapshot {
    const { probe } = this;
    const snap: ZoneSnapshot = {
      name: this.deps.zone,
      state: this.state,
      zoneId: this.state === 'installed' ? null : (probe.id ?? null),
      daemonPid: process.pid,
      time: new Date().toISOString(),
    };

    if (probe.generation !== undefined) {
      snap.generation = probe.generation;
    }
    if (probe.bootedAt !== undefined) {
      snap.bootedAt = probe.bootedAt;
    }

    return snap;
  }

  /** Queues a door command; resolves when it has been carried out. */
  request(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
  ): Promise<Outcome> {
    return this.queue
      .run(() => this.transition(command, args, asker))
      .finally(() => this.notify());
  }

  /** Lets go of the holder link, leaving the zone as it is. */
  detach(): void {
    const link = this.link;
    this.link = undefined;
    link?.close();
  }

  private notify(): void {
    for (const listener of this.settled) {
      listener();
    }
  }

  private async transition(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
  ): Promise<Outcome> {
    const outcome = await this.attempt(command, args, asker);

    await this.record(command, args, asker, outcome);

    return outcome;
  }

  private async attempt(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
  ): Promise<Outcome> {
    const stop = (result: AuditResult, error: unknown): Outcome => ({
      ok: false,
      result,
      from: this.state,
      state: this.state,
      error,
    });

    // The zone is on its way to being uninstalled or this daemon is
    // leaving: the caller asks again and a fresh daemon answers.
    if (this.refusing || this.uninstalling) {
      return stop('refused', daemonErrors.goingAway(this.deps.zone));
    }

    try {
      await this.refresh(`${command} asked`);
      return await this.carryOut(command, args, asker);
    } catch (error) {
      // Reading the index or the host failed; a plan itself never throws.
      return stop(
        'failed',
        isZoneError(error)
          ? error
          : daemonErrors.transitionFailed(command, this.deps.zone, error),
      );
    }
  }

  private async carryOut(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
  ): Promise<Outcome> {
    const from = this.state;
    const plan = planFor(from, command);
    const done = (ok: boolean, result: AuditResult, extra = {}): Outcome => ({
      ok,
      result,
      from,
      state: this.state,
      ...extra,
    });

    switch (plan.kind) {
      case 'invalid':
        return done(false, 'invalid', {
          error: daemonErrors.invalidTransition(command, this.deps.zone, from),
        });
      case 'already':
        return done(true, 'already', { already: plan.already });
      case 'uninstalling':
        this.uninstalling = true;
        await this.publish('uninstalling', from, asker);
        return done(true, 'ok');
      case 'run': {
        const error = await runPlan(this.planContext(command, asker), plan, {
          // Without arguments the platform boots with the configured ones.
          args: args ?? [],
        });
        return error === undefined
          ? done(true, 'ok')
          : done(false, 'failed', { error });
      }
    }
  }

  private planContext(command: DoorCommand, asker: Asker): PlanContext {
    return {
      zone: this.deps.zone,
      command,
      platform: this.deps.platform,
      spec: () => this.spec(),
      logger: this.deps.logger,
      from: this.state,
      setState: (state, reason) => this.setState(state, reason),
      observe: (probe, reason) => this.observe(probe, reason),
      refresh: (reason) => this.refresh(reason),
      detach: () => this.detach(),
      attach: () => this.attach(),
      teardownFailed: (failed) => (this.teardownFailed = failed),
      publish: (event, from) => this.publish(event, from, asker),
      reason: asker === 'zone' ? 'upcall from the zone' : asker.label,
    };
  }

  private spec() {
    const { zone, paths, index } = this.deps;

    return { zone, paths, config: index.get(zone).config };
  }

  /**
   * Reads the zone index and the host again, and derives the state. What a
   * dead holder left is removed when `cleanDead`: at start (the zone died
   * while no daemon watched) and when the holder dies under the daemon; a
   * request instead finds the zone down and the table says what to do.
   */
  private async refresh(reason: string, cleanDead = false): Promise<void> {
    const spec = this.spec();
    let probe = await this.deps.platform.probe(spec);

    if (probe.state === 'dead' && cleanDead) {
      this.deps.logger.warn('cleaning up after a dead holder', { reason });
      this.detach();
      probe = await this.deps.platform.cleanup(spec);
      this.teardownFailed = false;
    }

    this.observe(probe, reason);
  }

  private observe(probe: Probe, reason: string): void {
    const persistent = this.deps.index.get(this.deps.zone).state;

    this.probe = probe;
    if (probe.state === 'installed') {
      this.teardownFailed = false;
    }
    this.setState(
      deriveState({ persistent, probe, teardownFailed: this.teardownFailed }),
      reason,
    );
  }

  private setState(state: ZoneState, reason: string): void {
    if (state === this.state) {
      return;
    }

    this.deps.logger.info('zone state changed', {
      from: this.state,
      to: state,
      reason,
    });
    this.state = state;
  }

  /** Runs inside the queue, so events leave in the order things happened. */
  private async publish(
    event: ZoneEventName,
    from: ZoneState,
    asker: Asker,
  ): Promise<void> {
    const to = this.state;
    const by = await this.byOf(asker);

    this.deps.hub.publish({
      zone: this.deps.zone,
      event,
      from,
      to,
      time: new Date().toISOString(),
      by,
    });
  }

  private async byOf(asker: Asker) {
    if (asker === 'zone') {
      return 'zone' as const;
    }

    const { uid, pid, user } = await asker.who;
    return { uid, pid, user };
  }

  private async record(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
    outcome: Outcome,
  ): Promise<void> {
    const who = asker === 'zone' ? 'zone' : await asker.who;

    this.deps.audit.append({
      time: new Date().toISOString(),
      zone: this.deps.zone,
      command,
      ...(args && args.length > 0 ? { args } : {}),
      result: outcome.result,
      from: outcome.from,
      to: outcome.state,
      who,
      ...(isZoneError(outcome.error) ? { error: outcome.error.key } : {}),
    });
  }

  /** Listens to the holder of a ready or running zone for upcalls. */
  private async attach(): Promise<void> {
    if (
      this.link ||
      !['ready', 'running', 'shutting_down'].includes(this.state)
    ) {
      return;
    }

    try {
      const link = await this.deps.platform.attach(this.spec());
      this.link = link;
      link.onUpcall((upcall) => this.onUpcall(upcall));
      link.onClose(() => this.onHolderClosed(link));
    } catch (error) {
      this.deps.logger.warn('cannot attach to the zone holder', { error });
    }
  }

  private onUpcall(upcall: Upcall): void {
    const { logger } = this.deps;

    if (upcall.kind !== 'halt' && upcall.kind !== 'reboot') {
      logger.warn('refused an upcall that is neither halt nor reboot', {
        upcall,
      });
      return;
    }
    if (upcall.generation !== this.probe.generation) {
      logger.info('ignored an upcall from an earlier boot', {
        upcall,
        generation: this.probe.generation,
      });
      void this.link?.acknowledge(upcall.generation).catch(() => undefined);
      return;
    }

    this.setState('shutting_down', `init ended (${upcall.reason})`);
    void this.queue
      .run(() => this.actOnUpcall(upcall))
      .finally(() => this.notify());
  }

  private async actOnUpcall(upcall: Upcall): Promise<void> {
    await this.refresh(`${upcall.kind} upcall`).catch((error: unknown) => {
      this.deps.logger.error('cannot read the zone for an upcall', { error });
    });

    // Someone else halted or rebooted the zone in the meantime.
    if (this.probe.generation !== upcall.generation) {
      this.deps.logger.info('upcall overtaken by another transition', {
        upcall,
      });
      return;
    }

    const link = this.link;
    await link?.acknowledge(upcall.generation).catch(() => undefined);
    const outcome = await this.carryOut(upcall.kind, undefined, 'zone');
    await this.record(upcall.kind, undefined, 'zone', outcome);
  }

  private onHolderClosed(link: HolderLink): void {
    if (this.link !== link) {
      return;
    }

    this.link = undefined;
    this.deps.logger.warn('the zone holder went away unexpectedly');
    void this.queue
      .run(async () => {
        const from = this.state;
        await this.refresh('holder went away', true);
        if (from !== 'installed' && this.state === 'installed') {
          await this.publish('halted', from, 'zone');
        }
      })
      .catch((error: unknown) => {
        this.deps.logger.error('cannot read the zone', { error });
      })
      .finally(() => this.notify());
  }
}
