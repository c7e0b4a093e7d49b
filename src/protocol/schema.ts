/**
 * The door's messages in JSON Schema: the one definition that the daemon
 * and the client both check every frame against. `generate-validator.ts`
 * compiles it at build time, so neither side pays for a schema compiler at
 * start-up.
 */
import { LANGUAGES } from '../core/language.js';
import { ZONE_STATES } from '../core/states.js';
import { DOOR_COMMANDS, ZONE_EVENTS } from './commands.js';
import {
  MAX_BOOT_ARG_BYTES,
  MAX_BOOT_ARGS,
  PROTOCOL_VERSION,
} from './limits.js';

const SCHEMA_BASE = 'https://zonectl.invalid/protocol';

export const CLIENT_SCHEMA_ID = `${SCHEMA_BASE}/client`;
export const DAEMON_SCHEMA_ID = `${SCHEMA_BASE}/daemon`;
export const HANDSHAKE_SCHEMA_ID = `${SCHEMA_BASE}/handshake`;

const version = { const: PROTOCOL_VERSION };
const seq = { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1 };
const locale = { enum: [...LANGUAGES] };
const state = { enum: [...ZONE_STATES] };
const zoneName = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
};
const shortText = { type: 'string', maxLength: 256 };
const text = { type: 'string', maxLength: 4096 };

// Closed objects: an unknown field is an error, never silently ignored.
function message(
  type: string,
  required: readonly string[],
  properties: Record<string, unknown>,
) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['v', 'type', ...required],
    properties: { v: version, type: { const: type }, ...properties },
  };
}

const caller = {
  type: 'object',
  additionalProperties: false,
  required: ['uid', 'pid', 'user'],
  properties: {
    uid: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
    pid: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
    user: shortText,
  },
};

const clientMessages = [
  message('request', ['seq', 'command', 'locale', 'caller'], {
    seq,
    command: { enum: [...DOOR_COMMANDS] },
    locale,
    args: {
      type: 'array',
      maxItems: MAX_BOOT_ARGS,
      items: { type: 'string', maxLength: MAX_BOOT_ARG_BYTES },
    },
    caller,
  }),
  message('status', ['seq', 'locale'], { seq, locale }),
  message('subscribe', ['seq', 'locale'], {
    seq,
    locale,
    since: { type: 'integer', minimum: 0 },
  }),
];

const snapshot = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'state', 'zoneId', 'daemonPid', 'time'],
  properties: {
    name: zoneName,
    state,
    zoneId: { type: ['integer', 'null'], minimum: 0 },
    generation: shortText,
    bootedAt: { type: 'number', minimum: 0 },
    daemonPid: { type: 'integer', minimum: 1 },
    time: shortText,
  },
};

const event = {
  type: 'object',
  additionalProperties: false,
  required: ['zone', 'event', 'from', 'to', 'time', 'by'],
  properties: {
    zone: zoneName,
    event: { enum: [...ZONE_EVENTS] },
    from: state,
    to: state,
    time: shortText,
    by: { oneOf: [{ const: 'zone' }, caller] },
  },
};

const daemonMessages = [
  message('reply', ['seq', 'ok', 'exit', 'messages'], {
    seq: { oneOf: [seq, { type: 'null' }] },
    ok: { type: 'boolean' },
    exit: { enum: [0, 1, 2] },
    code: {
      enum: [
        'invalid',
        'failed',
        'goingAway',
        'badFrame',
        'tooLarge',
        'badVersion',
        'badMessage',
        'notNow',
      ],
    },
    messages: { type: 'array', maxItems: 16, items: text },
    state,
  }),
  message('snapshot', ['seq', 'zone'], { seq, zone: snapshot }),
  message('event', ['event'], { event }),
  message('end', ['reason', 'message'], {
    reason: { enum: ['goingAway', 'slow', 'shutdown'] },
    message: text,
  }),
];

/** Picks the branch by `type`, so an error names the field that is wrong. */
function byType(id: string, branches: readonly object[]) {
  return {
    $id: id,
    type: 'object',
    required: ['type'],
    properties: { type: { type: 'string' } },
    discriminator: { propertyName: 'type' },
    oneOf: branches,
  };
}

export const clientSchema = byType(CLIENT_SCHEMA_ID, clientMessages);
export const daemonSchema = byType(DAEMON_SCHEMA_ID, daemonMessages);

export const handshakeSchema = {
  $id: HANDSHAKE_SCHEMA_ID,
  ...message('handshake', ['status', 'pid'], {
    status: { enum: ['ready', 'busy', 'failed'] },
    pid: { type: 'integer', minimum: 1 },
    code: shortText,
    exit: { enum: [1, 2] },
    message: text,
  }),
};

/** The message types each side may send, for telling "unknown" from "bad". */
export const CLIENT_TYPES = ['request', 'status', 'subscribe'] as const;
export const DAEMON_TYPES = ['reply', 'snapshot', 'event', 'end'] as const;
