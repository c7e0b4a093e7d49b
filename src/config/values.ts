import path from 'node:path';

/** The brands zonectl can build and boot. */
export const BRANDS = ['sparse'] as const;

// The smallest memory cap that still lets a shell start; a lower cap only
// produces a zone whose init is killed before it prints anything.
export const MIN_MEMORY_CAP_BYTES = 4 * 1024 * 1024;

// Beyond this a CPU cap means nothing on any host we expect.
export const MAX_CPU_CAP = 1024;

// The kernel's own pid limit is 4194304; a cap above it cannot be applied.
export const MAX_PROCESSES_LIMIT = 4194304;

const UNITS: Record<string, number> = {
  '': 1,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  T: 1024 ** 4,
};

const SIZE = /^([0-9]+)([KMGT]?)$/;

/** Bytes of a size like `256M`; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.toUpperCase());

  if (!match) {
    return undefined;
  }

  const bytes = Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1);

  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

export const MEMORY_CAP_PATTERN = '^[0-9]+[KMGT]?$';

// A host name as RFC 1123 allows it: labels of letters, digits and hyphens.
export const HOSTNAME_PATTERN =
  '^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?' +
  '(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';

export function isAbsoluteClean(text: string): boolean {
  return (
    path.isAbsolute(text) &&
    !text.includes('\0') &&
    !text.split('/').includes('..')
  );
}
