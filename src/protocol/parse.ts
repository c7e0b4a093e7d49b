/**
 * Turns a frame body into a checked message, or into the reason it is not
 * one. Both sides use this, so a frame means the same thing to each.
 */
import { isLanguage, type Language } from '../core/language.js';
import { PROTOCOL_VERSION } from './limits.js';
import type {
  ClientMessage,
  DaemonMessage,
  HandshakeMessage,
} from './messages.js';
import { CLIENT_TYPES, DAEMON_TYPES } from './schema.js';
import {
  validateClient,
  validateDaemon,
  validateHandshake,
} from './validators.js';

export type ProblemCode = 'badFrame' | 'badVersion' | 'badMessage';

/** What was wrong with a frame, and what could still be read from it. */
export interface Problem {
  code: ProblemCode;
  /** For the reader: the field and rule that failed, or the JSON error. */
  detail: string;
  /** The sender's language and sequence number, when they were readable. */
  locale?: Language;
  seq?: number;
}

export type Parsed<T> =
  { ok: true; message: T } | { ok: false; problem: Problem };

type Validator = typeof validateClient;

const OPEN_BRACE = 0x7b;
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function firstByte(body: Buffer): number | undefined {
  for (const byte of body) {
    if (!JSON_WHITESPACE.has(byte)) {
      return byte;
    }
  }

  return undefined;
}

function parseWith<T>(
  body: Buffer,
  validate: Validator,
  types: readonly string[],
): Parsed<T> {
  // Anything but an object is refused before it is decoded and parsed, so
  // that junk costs no more than a look at its first byte.
  if (firstByte(body) !== OPEN_BRACE) {
    return fail('badMessage', 'a frame must hold a JSON object', undefined);
  }

  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return fail('badFrame', (error as Error).message, undefined);
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('badMessage', 'a frame must hold a JSON object', undefined);
  }

  const record = data as Record<string, unknown>;
  if (record.v !== PROTOCOL_VERSION) {
    return fail('badVersion', String(record.v), record);
  }
  if (typeof record.type !== 'string' || !types.includes(record.type)) {
    return fail('badMessage', `unknown type ${String(record.type)}`, record);
  }
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath || '/';
    const extra = first?.params?.additionalProperty;
    const which = typeof extra === 'string' ? ` (${extra})` : '';
    const detail = `${where} ${first?.message ?? ''}${which}`;
    return fail('badMessage', detail, record);
  }

  return { ok: true, message: data as T };
}

function fail<T>(
  code: ProblemCode,
  detail: string,
  record: Record<string, unknown> | undefined,
): Parsed<T> {
  const problem: Problem = { code, detail: detail.slice(0, 200) };
  const locale = record?.locale;
  const seq = record?.seq;

  if (typeof locale === 'string' && isLanguage(locale)) {
    problem.locale = locale;
  }
  if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) {
    problem.seq = seq;
  }

  return { ok: false, problem };
}

export function parseClientMessage(body: Buffer): Parsed<ClientMessage> {
  return parseWith(body, validateClient, CLIENT_TYPES);
}

export function parseDaemonMessage(body: Buffer): Parsed<DaemonMessage> {
  return parseWith(body, validateDaemon, DAEMON_TYPES);
}

export function parseHandshake(line: string): Parsed<HandshakeMessage> {
  return parseWith(Buffer.from(line), validateHandshake, ['handshake']);
}
