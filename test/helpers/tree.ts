import fs from 'node:fs';
import path from 'node:path';

/** Every path under `dir`, relative, sorted: a snapshot of what is on disk. */
export function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }

  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = path.join(rel, entry.name);
      out.push(child);
      if (entry.isDirectory()) {
        walk(child);
      }
    }
  };
  walk('');

  return out.sort();
}

/** The bytes of every file under `dir`, to show that nothing changed. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();

  for (const rel of listTree(dir)) {
    const full = path.join(dir, rel);
    const stat = fs.lstatSync(full);
    files.set(
      rel,
      stat.isFile() ? fs.readFileSync(full, 'base64') : stat.mode.toString(8),
    );
  }

  return files;
}
