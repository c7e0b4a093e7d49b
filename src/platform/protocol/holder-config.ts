import type { LogLevel } from '../../core/logger.js';

/**
 * What a holder is told when it starts, as one JSON argument: visible in
 * `ps`, which helps an operator see which zone a holder belongs to.
 */
export interface HolderConfig {
  readonly zone: string;
  readonly id: number;
  readonly socket: string;
  readonly pidFile: string;
  readonly nsDir: string;
  readonly consoleLog: string;
  readonly logLevel: LogLevel;
  /** Whether the holder runs in a user namespace of its own. */
  readonly rootless: boolean;
}

/** The title a holder gives itself; probe checks it before killing a pid. */
export function holderTitle(socket: string): string {
  return `zonectl-holder ${socket}`;
}

export function parseHolderConfig(text: string | undefined): HolderConfig {
  const value = JSON.parse(text ?? '') as Partial<HolderConfig>;
  const strings = [
    'zone',
    'socket',
    'pidFile',
    'nsDir',
    'consoleLog',
    'logLevel',
  ] as const;

  for (const key of strings) {
    if (typeof value[key] !== 'string') {
      throw new Error(`holder configuration lacks ${key}`);
    }
  }
  if (!Number.isInteger(value.id) || typeof value.rootless !== 'boolean') {
    throw new Error('holder configuration lacks id or rootless');
  }

  return value as HolderConfig;
}
