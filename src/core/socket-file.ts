/**
 * Binding a Unix socket in a zone's run directory. The socket is bound
 * under a temporary name and renamed into place once it listens with its
 * final mode, so that whoever sees the name appear can connect at once,
 * and nobody ever connects to a socket that is still open to everyone.
 */
import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';

/** Resolves with the address the server is bound to (for peer lookups). */
export async function bindSocketFile(
  server: net.Server,
  file: string,
): Promise<string> {
  const dir = path.dirname(file);
  const temporary = `${file}.${process.pid}`;

  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.rmSync(temporary, { force: true });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(temporary, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);

  return temporary;
}
