import {
  BRANDS,
  HOSTNAME_PATTERN,
  MAX_CPU_CAP,
  MAX_PROCESSES_LIMIT,
  MEMORY_CAP_PATTERN,
} from './values.js';

// Absolute, with no `..` component and no NUL byte.
const ABSOLUTE_PATH = '^/(?!.*(^|/)\\.\\.(/|$))[^\\u0000]*$';

const fsEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['dir', 'source', 'readonly'],
  properties: {
    dir: { type: 'string', pattern: ABSOLUTE_PATH },
    source: { type: 'string', pattern: ABSOLUTE_PATH },
    readonly: { type: 'boolean' },
  },
};

export const zoneConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zonepath', 'brand', 'autoboot', 'fs'],
  properties: {
    zonepath: { type: 'string', pattern: ABSOLUTE_PATH },
    brand: { enum: [...BRANDS] },
    autoboot: { type: 'boolean' },
    hostname: { type: 'string', pattern: HOSTNAME_PATTERN },
    init: { type: 'string', pattern: ABSOLUTE_PATH },
    bootargs: { type: 'string', maxLength: 4096 },
    'memory-cap': { type: 'string', pattern: MEMORY_CAP_PATTERN },
    'cpu-cap': { type: 'number', exclusiveMinimum: 0, maximum: MAX_CPU_CAP },
    'max-processes': {
      type: 'integer',
      minimum: 1,
      maximum: MAX_PROCESSES_LIMIT,
    },
    fs: { type: 'array', items: fsEntry, maxItems: 256 },
  },
};

const zoneRecord = {
  type: 'object',
  additionalProperties: false,
  required: ['state', 'config'],
  properties: {
    state: { enum: ['configured', 'incomplete', 'installed'] },
    config: zoneConfigSchema,
  },
};

/** The version of the index file's layout; bumped on incompatible changes. */
export const INDEX_VERSION = 1;

/**
 * The zone index: every zone's persistent state and configuration in one
 * file, so that one atomic write changes both together.
 */
export const indexSchema = {
  version: { const: INDEX_VERSION },
  zones: {
    type: 'object',
    propertyNames: {
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
      not: { const: 'global' },
    },
    additionalProperties: zoneRecord,
  },
};

// `version` is checked by the reader rather than made required here, because
// conf validates an absent file as an empty object before the first write.
export const indexRootSchema = {
  additionalProperties: false,
};
