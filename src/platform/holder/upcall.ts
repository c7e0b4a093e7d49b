import type { Upcall } from '../types.js';

// The exit status with which an init asks for a reboot without reboot(2).
export const REBOOT_EXIT_STATUS = 133;

/**
 * What the end of a zone's init asks for. reboot(2) inside a PID namespace
 * kills its init with SIGHUP for a restart and SIGINT for a halt or
 * power-off; the wrapper around init passes that signal on as its own.
 */
export function upcallOf(
  generation: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): Upcall {
  const reason = signal ?? `exit ${code}`;
  const reboot = signal === 'SIGHUP' || code === REBOOT_EXIT_STATUS;

  return { kind: reboot ? 'reboot' : 'halt', generation, reason };
}
