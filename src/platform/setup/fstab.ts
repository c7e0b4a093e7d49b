/** One line of a mount table that `mount --all --fstab FILE` reads. */
export interface FstabEntry {
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly options: readonly string[];
}

/** A mount table, in the order the entries must be mounted. */
export function fstab(entries: readonly FstabEntry[]): string {
  return entries
    .map((e) =>
      [escape(e.source), escape(e.target), e.type, e.options.join(','), '0 0']
        .join(' ')
        .concat('\n'),
    )
    .join('');
}

// fstab separates fields by white space; these four bytes are written as
// octal escapes, which mount decodes.
function escape(field: string): string {
  return field.replace(
    /[ \t\n\\]/g,
    (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`,
  );
}

export function bind(
  source: string,
  target: string,
  ...options: string[]
): FstabEntry {
  return { source, target, type: 'none', options: ['bind', ...options] };
}

export function filesystem(
  type: string,
  target: string,
  ...options: string[]
): FstabEntry {
  return { source: type, target, type, options };
}

/** A bind mount of a tree with every mount below it. */
export function rbind(source: string, target: string): FstabEntry {
  return { source, target, type: 'none', options: ['rbind'] };
}
