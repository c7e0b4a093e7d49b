/**
 * The control messages between a platform client and a zone's holder. A
 * connection starts with `hello`, naming whether it only sends requests
 * (`control`) or also carries the console (`console`). Each request gets
 * exactly one reply; `upcall` is the only message the holder sends on its
 * own, and only to console connections.
 */
import type { Upcall } from '../types.js';
import { FrameError } from './frames.js';

export const PROTOCOL_VERSION = 1;

export type LinkMode = 'control' | 'console';

/** What a holder knows about its zone: the truth, not a stored copy. */
export interface HolderState {
  readonly state: 'ready' | 'running';
  readonly id: number;
  readonly holderPid: number;
  readonly generation?: string;
  readonly initPid?: number;
  readonly bootedAt?: number;
  readonly pendingUpcall?: Upcall;
}

/** A localized error, as a message key and values, sent across. */
export interface RemoteError {
  readonly code: string;
  readonly params: Record<string, string | number | { ref: string }>;
}

export type Request =
  | { op: 'hello'; version: number; mode: LinkMode }
  | { op: 'state' }
  | { op: 'boot'; init: string; args: string[]; cgroupProcs: string[] }
  | { op: 'halt' }
  | { op: 'resize'; cols: number; rows: number }
  | { op: 'pause' }
  | { op: 'resume' }
  | { op: 'ack'; generation: string; seq: number };

export type Reply =
  | { op: 'hello'; version: number; state: HolderState }
  | { op: 'state'; state: HolderState }
  | { op: 'booted'; state: HolderState }
  | { op: 'halted' }
  | { op: 'acked'; seq: number }
  | { op: 'upcall'; upcall: Upcall }
  | { op: 'failed'; error: RemoteError };

// The terminal sizes a pty accepts; anything else is a confused client.
const MAX_TERMINAL_CELLS = 10_000;
const MAX_ARGS = 1024;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_ARGS && v.every(isString);
const isSize = (v: unknown): v is number =>
  Number.isInteger(v) &&
  (v as number) > 0 &&
  (v as number) <= MAX_TERMINAL_CELLS;

/** Checks a request from a client; throws FrameError when it is none. */
export function asRequest(message: Record<string, unknown>): Request {
  const m = message;

  switch (m.op) {
    case 'hello':
      if (
        Number.isInteger(m.version) &&
        (m.mode === 'control' || m.mode === 'console')
      ) {
        return m as Request;
      }
      break;
    case 'state':
    case 'halt':
    case 'pause':
    case 'resume':
      return { op: m.op };
    case 'boot':
      if (isString(m.init) && isStrings(m.args) && isStrings(m.cgroupProcs)) {
        return m as Request;
      }
      break;
    case 'resize':
      if (isSize(m.cols) && isSize(m.rows)) {
        return m as Request;
      }
      break;
    case 'ack':
      if (isString(m.generation) && Number.isInteger(m.seq)) {
        return m as Request;
      }
      break;
  }

  throw new FrameError(
    `not a valid request: ${JSON.stringify(m).slice(0, 200)}`,
  );
}

/** Checks a reply from a holder; throws FrameError when it is none. */
export function asReply(message: Record<string, unknown>): Reply {
  const known = [
    'hello',
    'state',
    'booted',
    'halted',
    'acked',
    'upcall',
    'failed',
  ];

  if (!isString(message.op) || !known.includes(message.op)) {
    throw new FrameError(`not a valid reply: ${String(message.op)}`);
  }

  return message as Reply;
}
