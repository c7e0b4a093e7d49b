/**
 * The administrative operations the UI offers (`n`, `i`, `x`), as one small
 * interface so that component tests can run them in memory. The real one
 * loads the admin code only when an operation first runs.
 */
import type { AdminContext } from '../../src/admin/context.js';

export interface ZoneAdmin {
  /** Configures a zone from `key=value` words. */
  create(zone: string, words: readonly string[]): Promise<void>;
  install(zone: string): Promise<void>;
  uninstall(zone: string): Promise<void>;
  delete(zone: string): Promise<void>;
}

export function localAdmin(ctx: AdminContext): ZoneAdmin {
  return {
    async create(zone, words) {
      const { createZone } = await import('../../src/admin/create.js');
      await createZone(ctx, zone, words);
    },
    async install(zone) {
      const { installZone } = await import('../../src/admin/install.js');
      await installZone(ctx, zone);
    },
    async uninstall(zone) {
      const { uninstallZone } = await import('../../src/admin/install.js');
      await uninstallZone(ctx, zone);
    },
    async delete(zone) {
      const { deleteZone } = await import('../../src/admin/delete.js');
      await deleteZone(ctx, zone);
    },
  };
}
