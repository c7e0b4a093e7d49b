import fs from 'node:fs';

/** The cgroup controllers a zone's caps use. */
export type Controller = 'memory' | 'cpu' | 'pids';

/**
 * The cgroup trees this host has mounted: a unified (v2) tree, v1 trees per
 * controller, or both, as on hosts in transition. Read from the mount table
 * because the same kernel can be set up either way.
 */
export interface Hierarchies {
  /** Where the cgroup2 tree is mounted, when it is. */
  readonly unified: string | undefined;
  /** Controllers the unified tree offers to its children. */
  readonly unifiedControllers: ReadonlySet<string>;
  /** The mount point of each v1 controller. */
  readonly v1: ReadonlyMap<string, string>;
}

/** Where a controller lives on this host, or undefined when nowhere. */
export type Placement =
  | { readonly version: 2; readonly mount: string }
  | { readonly version: 1; readonly mount: string };

export function readHierarchies(
  mountinfo = '/proc/self/mountinfo',
): Hierarchies {
  let unified: string | undefined;
  const v1 = new Map<string, string>();

  for (const line of fs.readFileSync(mountinfo, 'utf8').split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) {
      continue;
    }

    const mountPoint = unescapeMount(left.split(' ')[4] ?? '');
    const [type, , superOptions = ''] = right.split(' ');
    if (type === 'cgroup2' && unified === undefined) {
      unified = mountPoint;
    } else if (type === 'cgroup') {
      for (const option of superOptions.split(',')) {
        if (!v1.has(option)) {
          v1.set(option, mountPoint);
        }
      }
    }
  }

  return {
    unified,
    unifiedControllers: new Set(
      unified ? readWords(`${unified}/cgroup.controllers`) : [],
    ),
    v1,
  };
}

/** The tree a controller is used from: v2 when it offers it, else v1. */
export function place(
  hierarchies: Hierarchies,
  controller: Controller,
): Placement | undefined {
  if (hierarchies.unified && hierarchies.unifiedControllers.has(controller)) {
    return { version: 2, mount: hierarchies.unified };
  }

  const mount = hierarchies.v1.get(controller);

  return mount ? { version: 1, mount } : undefined;
}

/** Every mount point a zone's cgroup may have a directory under. */
export function allMounts(hierarchies: Hierarchies): string[] {
  const mounts = new Set(hierarchies.v1.values());

  if (hierarchies.unified) {
    mounts.add(hierarchies.unified);
  }

  return [...mounts];
}

function readWords(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) =>
    String.fromCharCode(Number.parseInt(oct, 8)),
  );
}
