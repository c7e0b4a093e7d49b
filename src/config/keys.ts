import path from 'node:path';
import { errors } from '../core/errors/cli.js';
import type { FsEntry, ZoneConfig } from './zone-config.js';
import {
  BRANDS,
  HOSTNAME_PATTERN,
  MAX_CPU_CAP,
  MAX_PROCESSES_LIMIT,
  MIN_MEMORY_CAP_BYTES,
  isAbsoluteClean,
  parseSize,
} from './values.js';

type Parsed = ZoneConfig[keyof ZoneConfig] | undefined;

interface KeySpec {
  /** The stored value for `text`, or undefined when `text` is not valid. */
  parse(text: string): Parsed;
  /** The value as an operator would type it. */
  format(value: unknown): string;
  /** Keys that describe the files on disk cannot change once installed. */
  fixedOnceInstalled?: boolean;
  /** An empty value removes the key instead of being an error. */
  clearable?: boolean;
}

const HOSTNAME = new RegExp(HOSTNAME_PATTERN);
const CPU = /^[0-9]+(\.[0-9]{1,2})?$/;
const COUNT = /^[0-9]+$/;

const text = (value: unknown) => String(value);

function parseFs(value: string): FsEntry | undefined {
  const [dir = '', source = '', mode = 'rw', ...rest] = value.split(':');
  const ok =
    rest.length === 0 &&
    isAbsoluteClean(dir) &&
    isAbsoluteClean(source) &&
    ['ro', 'rw'].includes(mode);

  return ok
    ? {
        dir: path.normalize(dir),
        source: path.normalize(source),
        readonly: mode === 'ro',
      }
    : undefined;
}

function formatFs(value: unknown): string {
  const entries = value as FsEntry[];

  return entries
    .map((e) => `${e.dir}:${e.source}:${e.readonly ? 'ro' : 'rw'}`)
    .join(' ');
}

export const KEYS: Record<keyof ZoneConfig, KeySpec> = {
  zonepath: {
    parse: (v) => (isAbsoluteClean(v) ? path.normalize(v) : undefined),
    format: text,
    fixedOnceInstalled: true,
  },
  brand: {
    parse: (v) => ((BRANDS as readonly string[]).includes(v) ? v : undefined),
    format: text,
    fixedOnceInstalled: true,
  },
  autoboot: {
    parse: (v) => (v === 'true' ? true : v === 'false' ? false : undefined),
    format: text,
  },
  hostname: {
    parse: (v) => (HOSTNAME.test(v) ? v : undefined),
    format: text,
    clearable: true,
  },
  init: {
    parse: (v) => (isAbsoluteClean(v) ? path.normalize(v) : undefined),
    format: text,
    clearable: true,
  },
  bootargs: {
    parse: (v) => (v.length <= 4096 && !v.includes('\0') ? v : undefined),
    format: text,
    clearable: true,
  },
  'memory-cap': {
    parse: (v) => {
      const bytes = parseSize(v);
      return bytes !== undefined && bytes >= MIN_MEMORY_CAP_BYTES
        ? v.toUpperCase()
        : undefined;
    },
    format: text,
    clearable: true,
  },
  'cpu-cap': {
    parse: (v) => {
      const cpus = CPU.test(v) ? Number(v) : NaN;
      return cpus > 0 && cpus <= MAX_CPU_CAP ? cpus : undefined;
    },
    format: text,
    clearable: true,
  },
  'max-processes': {
    parse: (v) => {
      const count = COUNT.test(v) ? Number(v) : NaN;
      return count >= 1 && count <= MAX_PROCESSES_LIMIT ? count : undefined;
    },
    format: text,
    clearable: true,
  },
  fs: {
    parse: (v) => (parseFs(v) ? [parseFs(v) as FsEntry] : undefined),
    format: formatFs,
    clearable: true,
  },
};

export const KEY_NAMES = Object.keys(KEYS) as (keyof ZoneConfig)[];

export function isKey(name: string): name is keyof ZoneConfig {
  return Object.hasOwn(KEYS, name);
}

export interface Assignment {
  key: keyof ZoneConfig;
  /** The stored value; undefined clears the key. */
  value: Parsed;
}

/** Parses `key=value` words, with a localized error for the first bad one. */
export function parseAssignments(words: readonly string[]): Assignment[] {
  return words.map((word) => {
    const eq = word.indexOf('=');
    if (eq <= 0) {
      throw errors.badAssignment(word);
    }

    const key = word.slice(0, eq);
    const raw = word.slice(eq + 1);
    if (!isKey(key)) {
      throw errors.unknownKey(key, KEY_NAMES.join(', '));
    }

    const spec = KEYS[key];
    if (raw === '' && spec.clearable) {
      return { key, value: undefined };
    }

    const value = spec.parse(raw);
    if (value === undefined) {
      throw errors.badValue(key, raw);
    }

    return { key, value };
  });
}

/**
 * `config` with `assignments` applied. Several `fs=` words build a list that
 * replaces the old one; `fs=` alone empties it.
 */
export function applyAssignments(
  config: ZoneConfig,
  assignments: readonly Assignment[],
): ZoneConfig {
  const next: ZoneConfig = { ...config, fs: [...config.fs] };
  const fs: FsEntry[] = [];
  let fsTouched = false;

  for (const { key, value } of assignments) {
    if (key === 'fs') {
      fsTouched = true;
      fs.push(...((value as FsEntry[] | undefined) ?? []));
      continue;
    }

    if (value === undefined) {
      delete next[key];
    } else {
      (next as unknown as Record<string, unknown>)[key] = value;
    }
  }

  if (fsTouched) {
    next.fs = fs;
  }

  return next;
}

/** The configuration as `key=value` pairs, in key order, for display. */
export function formatConfig(config: ZoneConfig): [string, string][] {
  return KEY_NAMES.filter((key) => !isEmpty(config[key])).map((key) => [
    key,
    KEYS[key].format(config[key]),
  ]);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}
