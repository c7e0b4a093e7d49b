/**
 * Build step: compiles the door's schema into a standalone validator module
 * next to this file in dist/, so that the daemon and the client check frames
 * without loading a schema compiler when they start.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {
  CLIENT_SCHEMA_ID,
  DAEMON_SCHEMA_ID,
  HANDSHAKE_SCHEMA_ID,
  clientSchema,
  daemonSchema,
  handshakeSchema,
} from './schema.js';

const ajv = new Ajv2020({
  allErrors: false,
  discriminator: true,
  code: { source: true, esm: true },
  schemas: [clientSchema, daemonSchema, handshakeSchema],
});

// The generated ESM still calls require() for ajv's small runtime helpers.
const prelude =
  "import { createRequire } from 'node:module';\n" +
  'const require = createRequire(import.meta.url);\n';
const code = standaloneCode
  .default(ajv, {
    validateClient: CLIENT_SCHEMA_ID,
    validateDaemon: DAEMON_SCHEMA_ID,
    validateHandshake: HANDSHAKE_SCHEMA_ID,
  })
  .replace(/^"use strict";/, '');

const target = fileURLToPath(new URL('./validators.js', import.meta.url));
fs.writeFileSync(target, prelude + code);
