import type { Logger } from '../core/logger.js';
import type { Paths } from '../core/paths.js';
import { ZoneIndex } from '../config/zone-index.js';

/** What every administrative operation needs: where, and who to tell. */
export interface AdminContext {
  readonly paths: Paths;
  readonly index: ZoneIndex;
  readonly logger: Logger;
}

export function adminContext(paths: Paths, logger: Logger): AdminContext {
  return { paths, index: new ZoneIndex(paths), logger };
}
