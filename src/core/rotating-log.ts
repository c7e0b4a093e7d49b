/**
 * An append-only log file with a size cap and one rotated predecessor
 * (`<file>.1`), for console output: what a zone printed can be read after
 * the fact, and a chatty zone can never fill the disk.
 */
import fs from 'node:fs';
import path from 'node:path';

// Enough for hours of an ordinary console; the pair never exceeds twice it.
export const CONSOLE_LOG_CAP_BYTES = 4 * 1024 * 1024;

export class RotatingLog {
  private fd: number | undefined;
  private size = 0;

  constructor(
    readonly file: string,
    private readonly capBytes = CONSOLE_LOG_CAP_BYTES,
  ) {}

  append(chunk: Uint8Array): void {
    if (this.fd === undefined) {
      this.open();
    }
    if (this.size + chunk.length > this.capBytes && this.size > 0) {
      this.rotate();
    }

    fs.writeSync(this.fd as number, chunk);
    this.size += chunk.length;
  }

  close(): void {
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private open(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = fs.openSync(this.file, 'a', 0o640);
    this.size = fs.fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    fs.renameSync(this.file, `${this.file}.1`);
    this.open();
  }
}

/** The log and its rotated predecessor, oldest first, as one text. */
export function readRotatedLog(file: string): Buffer | undefined {
  const parts = [`${file}.1`, file]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f));

  return parts.length > 0 ? Buffer.concat(parts) : undefined;
}
