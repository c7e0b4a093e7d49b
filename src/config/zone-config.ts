/** One extra file system a zone sees: `source` on the host at `dir` inside. */
export interface FsEntry {
  dir: string;
  source: string;
  readonly: boolean;
}

/**
 * A zone's configuration as stored. Keys use the same names an operator types
 * (`memory-cap=256M`), so the file, the CLI and `info` speak one vocabulary.
 */
export interface ZoneConfig {
  zonepath: string;
  brand: string;
  autoboot: boolean;
  hostname?: string;
  init?: string;
  bootargs?: string;
  'memory-cap'?: string;
  'cpu-cap'?: number;
  'max-processes'?: number;
  fs: FsEntry[];
}

export type ConfigKey = keyof ZoneConfig;
