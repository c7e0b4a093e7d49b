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
import type { DoorCommand } from '../protocol/commands.js';
import type { ZoneSnapshot } from '../protocol/messages.js';
import type { AuditLog, AuditResult } from './audit.js';
import { deriveState } from './derive-state.js';
import type { EventHub } from './event-hub.js';
import { HolderWatch } from './holder-watch.js';
import type { Asker, Outcome } from './outcome.js';
import { Reporter } from './report.js';
import { SerialQueue } from './serial-queue.js';
import { snapshotOf } from './snapshot.js';
import { runPlan, type PlanContext } from './run-plan.js';
import { planFor } from './table.js';

export interface ManagerDeps {
  zone: string;
  paths: Paths;
  platform: Platform;
  index: ZoneIndex;
  logger: Logger;
  hub: EventHub;
  audit: AuditLog;
}

export type { Asker, Outcome } from './outcome.js';

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
  /** The generation of the last upcall queued, not to act on one twice. */
  private upcallSeen: string | undefined;
  private readonly queue = new SerialQueue();
  private readonly settled: (() => void)[] = [];
  private readonly linkListeners: ((link?: HolderLink) => void)[] = [];
  private readonly holder: HolderWatch;
  private readonly report: Reporter;

  constructor(private readonly deps: ManagerDeps) {
    this.report = new Reporter(deps.zone, deps.hub, deps.audit);
    this.holder = new HolderWatch(deps.platform, deps.logger, {
      generation: () => this.knownGeneration(),
      initEnded: (upcall) => this.initEnded(upcall),
      holderLost: () => this.holderLost(),
      linkChanged: (link) => this.linkListeners.forEach((l) => l(link)),
    });
  }

  /** Requests queued or running. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Called after every finished task, to decide whether to go away. */
  onSettled(listener: () => void): void {
    this.settled.push(listener);
  }

  /** The zone's console, as its holder serves it; undefined when none. */
  onLink(listener: (link?: HolderLink) => void): void {
    this.linkListeners.push(listener);
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
    if (pending) {
      this.deps.logger.info('acting on an upcall made while no daemon ran', {
        upcall: pending,
      });
      this.initEnded(pending);
    }

    return { state: this.state, recovered };
  }

  snapshot(): ZoneSnapshot {
    return snapshotOf(this.deps.zone, this.state, this.probe);
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
    this.holder.detach();
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

    await this.report.audit(command, args, asker, outcome);

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
        await this.report.event('uninstalling', from, this.state, asker);
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
      publish: (event, from) =>
        this.report.event(event, from, this.state, asker),
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

  /** Listens to the holder of a zone that has one, for upcalls. */
  private async attach(): Promise<void> {
    if (['ready', 'running', 'shutting_down'].includes(this.state)) {
      await this.holder.attach(this.spec());
    }
  }

  /**
   * The boot the daemon knows of: the running one, or, once its init has
   * ended, the one whose upcall the holder still keeps.
   */
  private knownGeneration(): string | undefined {
    return this.probe.generation ?? this.probe.pendingUpcall?.generation;
  }

  private initEnded(upcall: Upcall): void {
    // The holder hands a pending upcall to every daemon that attaches, and
    // a starting daemon also finds it in the probe: act on it once.
    if (this.upcallSeen === upcall.generation) {
      return;
    }

    this.upcallSeen = upcall.generation;
    this.setState('shutting_down', `init ended (${upcall.reason})`);
    this.enqueue(() => this.actOnUpcall(upcall));
  }

  private async actOnUpcall(upcall: Upcall): Promise<void> {
    await this.refresh(`${upcall.kind} upcall`).catch((error: unknown) => {
      this.deps.logger.error('cannot read the zone for an upcall', { error });
    });

    // Someone else halted or rebooted the zone in the meantime.
    if (this.knownGeneration() !== upcall.generation) {
      this.deps.logger.info('upcall overtaken by another transition', {
        upcall,
      });
      return;
    }

    await this.holder.acknowledge(upcall.generation);
    const outcome = await this.carryOut(upcall.kind, undefined, 'zone');
    await this.report.audit(upcall.kind, undefined, 'zone', outcome);
  }

  /** The zone died with its holder: clean up and say it is halted. */
  private holderLost(): void {
    this.enqueue(async () => {
      const from = this.state;
      await this.refresh('holder went away', true);
      if (from !== 'installed' && this.state === 'installed') {
        await this.report.event('halted', from, this.state, 'zone');
      }
    });
  }

  /** Queues work that no caller waits for, behind every request. */
  private enqueue(task: () => Promise<void>): void {
    void this.queue
      .run(task)
      .catch((error: unknown) => {
        this.deps.logger.error('queued work failed', { error });
      })
      .finally(() => this.notify());
  }
}
