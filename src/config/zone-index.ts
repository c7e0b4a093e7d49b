import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { errors } from '../core/errors/cli.js';
import { isZoneError } from '../core/errors/zone-error.js';
import type { Paths } from '../core/paths.js';
import type { PersistentState } from '../core/states.js';
import { withLock } from './lock.js';
import { readIndexFile } from './read-index.js';
import { INDEX_VERSION, indexRootSchema, indexSchema } from './schema.js';
import type { ZoneConfig } from './zone-config.js';

export interface ZoneRecord {
  state: PersistentState;
  config: ZoneConfig;
}

export interface IndexData {
  version: number;
  zones: Record<string, ZoneRecord>;
}

const INDEX_NAME = 'zones';

/**
 * The zone index under `<etc>/zones.json`: each zone's persistent state and
 * configuration. Reads validate the whole file against the schema; a file
 * that fails is reported with its path and is never overwritten.
 */
export class ZoneIndex {
  readonly file: string;
  private readonly lockFile: string;
  private conf: Conf<IndexData> | undefined;

  constructor(private readonly paths: Paths) {
    this.file = path.join(paths.etc, `${INDEX_NAME}.json`);
    this.lockFile = path.join(paths.etc, `${INDEX_NAME}.lock`);
  }

  /** The whole index; empty when no zone was ever configured. */
  read(): IndexData {
    return readIndexFile(this.file);
  }

  /** One zone's record, or a localized "unknown zone" error. */
  get(zone: string): ZoneRecord {
    const record = this.read().zones[zone];

    if (!record) {
      throw errors.unknownZone(zone);
    }

    return record;
  }

  /**
   * Reads, lets `change` edit the data, and writes it back atomically, all
   * under the index lock. When `change` throws, nothing is written.
   */
  async update<T>(change: (data: IndexData) => T): Promise<T> {
    const ConfClass = await loadConf();
    fs.mkdirSync(this.paths.etc, { recursive: true, mode: 0o755 });

    return withLock(this.lockFile, () => {
      const data = this.read();
      const result = change(data);

      this.guard(() => {
        this.open(ConfClass).store = {
          version: INDEX_VERSION,
          zones: data.zones,
        };
      });

      return result;
    });
  }

  // conf and its schema compiler cost about 100 ms to load, so only writers
  // load them; readers use the validator compiled at build time.
  private open(ConfClass: typeof Conf): Conf<IndexData> {
    this.conf ??= new ConfClass({
      cwd: this.paths.etc,
      configName: INDEX_NAME,
      schema: indexSchema as never,
      rootSchema: indexRootSchema,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      configFileMode: 0o644,
    });

    return this.conf;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw isZoneError(error)
        ? error
        : errors.configWriteFailed(this.file, error);
    }
  }
}

async function loadConf(): Promise<typeof Conf> {
  return (await import('conf')).default;
}
