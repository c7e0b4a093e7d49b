import fs from 'node:fs';
import { errors } from '../core/errors/cli.js';
import { validate } from './index-validator.js';
import { INDEX_VERSION } from './schema.js';
import type { IndexData } from './zone-index.js';

/**
 * Reads and validates the zone index without loading conf, so that commands
 * which only read start fast. Any fault names the file and leaves it alone.
 */
export function readIndexFile(file: string): IndexData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { version: INDEX_VERSION, zones: {} };
    }
    throw errors.configUnreadable(file, error);
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw errors.corruptConfig(file, error);
  }

  if (!validate(data)) {
    const why = (validate.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
      .join('; ');
    throw errors.corruptConfig(file, why);
  }

  const index = data as Partial<IndexData>;
  if (index.version !== INDEX_VERSION || !index.zones) {
    throw errors.corruptConfig(file, `version ${String(index.version)}`);
  }

  return index as IndexData;
}
