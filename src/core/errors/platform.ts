/**
 * The errors of the Linux virtual platform. A failure while a zone is set
 * up, booted or torn down names the step it happened in (a message key under
 * `platform:steps`) and the reason, so an operator reads both in their
 * language and a program can read `params.step.ref`.
 */
import {
  errorMaker,
  ref,
  type MessageParams,
  type MessageRef,
} from './zone-error.js';

/** The steps of ready, boot, halt, mount and unmount, as messages name them. */
export const PLATFORM_STEPS = [
  'state',
  'runDir',
  'zoneId',
  'namespaces',
  'root',
  'fs',
  'devices',
  'hostname',
  'loopback',
  'pivot',
  'cgroup',
  'caps',
  'holder',
  'init',
  'boot',
  'halt',
  'teardown',
  'adminMount',
] as const;

export type PlatformStep = (typeof PLATFORM_STEPS)[number];

export function isPlatformStep(value: string): value is PlatformStep {
  return (PLATFORM_STEPS as readonly string[]).includes(value);
}

function step(name: PlatformStep): MessageRef {
  return ref(`platform:steps.${name}`);
}

function stateRef(state: string): MessageRef {
  return ref(`platform:states.${state}`);
}

const { failed, reason } = errorMaker('platform');

export const errors = {
  notLinux: (platform: string) => failed('notLinux', { platform }),

  wrongState: (command: string, zone: string, state: string) =>
    failed('wrongState', { command, zone, state: stateRef(state) }),

  // A step failed for a reason the operating system gave us.
  stepFailed: (zone: string, name: PlatformStep, cause: unknown) =>
    failed(
      'stepFailed',
      { zone, step: step(name), reason: reason(cause) },
      cause,
    ),
  toolMissing: (zone: string, name: PlatformStep, tool: string) =>
    failed('toolMissing', { zone, step: step(name), tool }),

  // The zone's configuration asks for something the host cannot give.
  initMissing: (zone: string, init: string) =>
    failed('initMissing', { zone, step: step('init'), init }),
  fsSourceMissing: (zone: string, dir: string, source: string) =>
    failed('fsSourceMissing', { zone, step: step('fs'), dir, source }),
  fsTargetUnsafe: (zone: string, dir: string, name: PlatformStep = 'fs') =>
    failed('fsTargetUnsafe', { zone, step: step(name), dir }),
  fsTargetReserved: (zone: string, dir: string) =>
    failed('fsTargetReserved', { zone, step: step('fs'), dir }),
  capUnavailable: (zone: string, cap: string, controller: string) =>
    failed('capUnavailable', { zone, step: step('caps'), cap, controller }),
  capRejected: (zone: string, cap: string, value: string, cause: unknown) =>
    failed(
      'capRejected',
      { zone, step: step('caps'), cap, value, reason: reason(cause) },
      cause,
    ),

  // The holder: the zone's own long-lived process.
  holderFailed: (zone: string, cause: unknown) =>
    failed(
      'holderFailed',
      { zone, step: step('holder'), reason: reason(cause) },
      cause,
    ),
  holderUnreachable: (zone: string, cause: unknown) =>
    failed('holderUnreachable', { zone, reason: reason(cause) }, cause),
  holderRefused: (zone: string, message: string) =>
    failed('holderRefused', { zone, reason: message }),
  badFrame: (detail: string) => failed('badFrame', { reason: detail }),

  /** An error the holder built, rebuilt on this side of its socket. */
  fromHolder: (error: { code: string; params: MessageParams }) =>
    failed(error.code, error.params),

  rootlessMount: (zone: string) =>
    failed('rootlessMount', { zone, step: step('adminMount') }),
};
