/** What a request is, and what came of it, inside the daemon. */
import type { ZoneState } from '../core/states.js';
import type { AuditResult } from './audit.js';
import type { Who } from './caller.js';
import type { Already } from './table.js';

/** Who a transition is for: a verified-or-claimed process, or the zone. */
export type Asker = { who: Promise<Who>; label: string } | 'zone';

/** What came of one request, before it is put into the caller's words. */
export interface Outcome {
  ok: boolean;
  result: AuditResult;
  from: ZoneState;
  state: ZoneState;
  already?: Already;
  error?: unknown;
}
