/**
 * The audit log: one JSON line per transition request, appended to a file
 * shared by every zone's daemon. Each record is a single write on a file
 * opened for appending, so lines from several daemons never interleave.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/logger.js';
import type { DoorCommand } from '../protocol/commands.js';
import type { ZoneState } from '../core/states.js';
import type { Who } from './caller.js';

export type AuditResult = 'ok' | 'already' | 'invalid' | 'failed' | 'refused';

export interface AuditRecord {
  time: string;
  zone: string;
  command: DoorCommand;
  args?: readonly string[];
  result: AuditResult;
  from: ZoneState;
  to: ZoneState;
  /** Who asked: a process (see caller.ts for what is verified), or the zone. */
  who: Who | 'zone';
  /** The error's message key, for a failed or invalid request. */
  error?: string;
}

export class AuditLog {
  constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  append(record: AuditRecord): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o755 });
      fs.appendFileSync(this.file, `${JSON.stringify(record)}\n`, {
        mode: 0o600,
      });
    } catch (error) {
      // The transition already happened; losing its record must not undo
      // it or hide it from the caller, but it must not pass unnoticed.
      this.logger.error('audit record not written', { error, record });
    }
  }
}
