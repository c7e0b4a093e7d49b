/**
 * Administrative operations on a MemoryClient's zones, with the real name
 * check, so that the UI's create, install and remove flows can be tested
 * without files on disk.
 */
import { errors } from '../../../src/core/errors/cli.js';
import { checkZoneName } from '../../../src/core/zonename.js';
import type { ZoneAdmin } from '../../../components/model/admin.js';
import { zone, type MemoryClient } from './memory-client.js';

export interface AdminCall {
  op: keyof ZoneAdmin;
  zone: string;
  words?: readonly string[];
}

export function memoryAdmin(client: MemoryClient): ZoneAdmin & {
  calls: AdminCall[];
} {
  const calls: AdminCall[] = [];
  const get = (name: string) => {
    const found = client.zones.get(name);
    if (!found) {
      throw errors.unknownZone(name);
    }
    return found;
  };

  return {
    calls,
    async create(name, words) {
      calls.push({ op: 'create', zone: name, words });
      checkZoneName(name);
      if (client.zones.has(name)) {
        throw errors.duplicateZone(name);
      }
      client.put(zone(name, { state: 'configured' }));
    },
    async install(name) {
      calls.push({ op: 'install', zone: name });
      const z = get(name);
      if (z.state !== 'configured') {
        throw errors.wrongState('install', name, z.state);
      }
      client.put({ ...z, state: 'installed' });
    },
    async uninstall(name) {
      calls.push({ op: 'uninstall', zone: name });
      client.put({ ...get(name), state: 'configured' });
    },
    async delete(name) {
      calls.push({ op: 'delete', zone: name });
      get(name);
      client.drop(name);
    },
  };
}
