import type { ZoneConfig } from '../../config/zone-config.js';
import { parseSize } from '../../config/values.js';
import type { Controller } from './hierarchy.js';

// The scheduler period a CPU cap is a share of: the kernel's default, short
// enough that a capped zone still feels responsive.
export const CPU_PERIOD_US = 100_000;

/** One file to write in one controller's directory. */
export interface CapWrite {
  readonly file: string;
  readonly value: string;
  /** Written only where the kernel has the file (swap accounting). */
  readonly optional?: boolean;
}

/** A configured cap and what it takes in each cgroup version. */
export interface Cap {
  /** The configuration key, as operators type it. */
  readonly key: 'memory-cap' | 'cpu-cap' | 'max-processes';
  readonly value: string;
  readonly controller: Controller;
  readonly v1: readonly CapWrite[];
  readonly v2: readonly CapWrite[];
}

/** The caps a zone's configuration asks for, in the order they are applied. */
export function capsOf(config: ZoneConfig): Cap[] {
  const caps: Cap[] = [];

  const memory = config['memory-cap'];
  const bytes = memory === undefined ? undefined : parseSize(memory);
  if (memory !== undefined && bytes !== undefined) {
    const limit = String(bytes);
    caps.push({
      key: 'memory-cap',
      value: memory,
      controller: 'memory',
      // Swap counts too, or a zone could page its way past the cap.
      v1: [
        { file: 'memory.limit_in_bytes', value: limit },
        { file: 'memory.memsw.limit_in_bytes', value: limit, optional: true },
      ],
      v2: [
        { file: 'memory.max', value: limit },
        { file: 'memory.swap.max', value: '0', optional: true },
      ],
    });
  }

  const cpus = config['cpu-cap'];
  if (cpus !== undefined) {
    const quota = String(Math.round(cpus * CPU_PERIOD_US));
    caps.push({
      key: 'cpu-cap',
      value: String(cpus),
      controller: 'cpu',
      v1: [
        { file: 'cpu.cfs_period_us', value: String(CPU_PERIOD_US) },
        { file: 'cpu.cfs_quota_us', value: quota },
      ],
      v2: [{ file: 'cpu.max', value: `${quota} ${CPU_PERIOD_US}` }],
    });
  }

  const processes = config['max-processes'];
  if (processes !== undefined) {
    const max = String(processes);
    caps.push({
      key: 'max-processes',
      value: max,
      controller: 'pids',
      v1: [{ file: 'pids.max', value: max }],
      v2: [{ file: 'pids.max', value: max }],
    });
  }

  return caps;
}
