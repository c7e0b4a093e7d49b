/**
 * Carries out one "run" cell of the transition table: its platform steps in
 * order, then the event that says what happened. A failed set-up is rolled
 * back to installed; a failed teardown leaves the zone where the host says
 * it is, marked as on its way down.
 */
import type { Logger } from '../core/logger.js';
import type { ZoneState } from '../core/states.js';
import { isZoneError } from '../core/errors/zone-error.js';
import { daemonErrors } from '../core/errors/daemon.js';
import type { Platform, Probe, ZoneSpec } from '../platform/types.js';
import type { DoorCommand, ZoneEventName } from '../protocol/commands.js';
import type { Plan, Step } from './table.js';

/** What a plan may touch of the zone manager. */
export interface PlanContext {
  zone: string;
  command: DoorCommand;
  platform: Platform;
  spec(): ZoneSpec;
  logger: Logger;
  /** The state before the plan. */
  from: ZoneState;
  setState(state: ZoneState, reason: string): void;
  observe(probe: Probe, reason: string): void;
  refresh(reason: string): Promise<void>;
  attach(): Promise<void>;
  detach(): void;
  teardownFailed(failed: boolean): void;
  publish(event: ZoneEventName, from: ZoneState): Promise<void>;
  /** Why this plan runs, for the log: who asked. */
  reason: string;
}

type RunPlan = Extract<Plan, { kind: 'run' }>;

/** Runs the plan; returns the error that stopped it, if any. */
export async function runPlan(
  ctx: PlanContext,
  plan: RunPlan,
  options: { args: readonly string[] },
): Promise<unknown> {
  for (const step of plan.steps) {
    try {
      await runStep(ctx, step, options.args);
    } catch (error) {
      return fail(ctx, plan, step, error);
    }
  }

  ctx.teardownFailed(false);
  await ctx.publish(plan.event, ctx.from);

  return undefined;
}

async function runStep(
  ctx: PlanContext,
  step: Step,
  args: readonly string[],
): Promise<void> {
  const { platform, reason } = ctx;
  const spec = ctx.spec();

  switch (step) {
    case 'halt':
      // The holder goes away with the zone; that is no surprise to report.
      ctx.detach();
      ctx.setState('shutting_down', `${ctx.command}: ${reason}`);
      ctx.observe(await platform.halt(spec), `halted: ${reason}`);
      return;
    case 'ready':
      ctx.observe(await platform.ready(spec), `readied: ${reason}`);
      await ctx.attach();
      return;
    case 'boot':
      ctx.observe(await platform.boot(spec, args), `booted: ${reason}`);
      await ctx.attach();
      return;
    case 'mount':
      ctx.observe(await platform.mount(spec), `mounted: ${reason}`);
      return;
    case 'unmount':
      ctx.observe(await platform.unmount(spec), `unmounted: ${reason}`);
      return;
  }
}

async function fail(
  ctx: PlanContext,
  plan: RunPlan,
  step: Step,
  error: unknown,
): Promise<unknown> {
  ctx.logger.warn('transition step failed', {
    command: ctx.command,
    step,
    error,
  });

  if (step === 'halt') {
    ctx.teardownFailed(true);
  } else if (plan.rollback) {
    await rollBack(ctx);
  }

  await ctx.refresh(`${step} failed`).catch((refreshError: unknown) => {
    ctx.logger.error('cannot read the zone after a failure', {
      error: refreshError,
    });
  });

  if (step !== 'halt' && plan.failure) {
    await ctx.publish(plan.failure, ctx.from);
  }

  return isZoneError(error)
    ? error
    : daemonErrors.transitionFailed(ctx.command, ctx.zone, error);
}

/** A failed boot must leave nothing set up: halt whatever is left. */
async function rollBack(ctx: PlanContext): Promise<void> {
  const spec = ctx.spec();

  try {
    const probe = await ctx.platform.probe(spec);
    if (probe.state !== 'installed') {
      ctx.detach();
      ctx.observe(await ctx.platform.halt(spec), 'rolled back a failed boot');
    }
  } catch (error) {
    ctx.logger.error('rolling back a failed boot failed', { error });
  }
}
