/**
 * Build step: compiles the zone index schema into a standalone validator
 * module next to this file in dist/. Reading the index then needs no schema
 * compiler at run time, which keeps every command's start-up short; conf,
 * with its own compiler, is loaded only to write.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { indexRootSchema, indexSchema } from './schema.js';

const ajv = new Ajv2020({
  allErrors: true,
  code: { source: true, esm: true },
});
const validate = ajv.compile({
  ...indexRootSchema,
  type: 'object',
  properties: indexSchema,
});

// The generated ESM still calls require() for ajv's small runtime helpers.
const prelude =
  "import { createRequire } from 'node:module';\n" +
  'const require = createRequire(import.meta.url);\n';
const code = standaloneCode
  .default(ajv, validate)
  .replace(/^"use strict";/, '');

const target = fileURLToPath(new URL('./index-validator.js', import.meta.url));
fs.writeFileSync(target, prelude + code);
