/**
 * The operator's own preferences for the UI: language, where the console
 * docks, the last selected zone and the key that leaves a console. They
 * live in `<prefs>/tui.json`, written through conf (atomically); reading
 * uses plain JSON so that start-up does not pay for loading conf.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { uiErrors } from '../../src/core/errors/ui.js';
import type { ZoneError } from '../../src/core/errors/zone-error.js';
import { isLanguage, type Language } from '../../src/core/language.js';
import { isZoneName } from '../../src/core/zonename.js';
import { DEFAULT_DETACH_KEY } from '../console/detach-key.js';
import type { Orientation } from './ui-state.js';

export interface Prefs {
  language?: Language;
  orientation: Orientation;
  lastZone?: string;
  detachKey: string;
}

export const DEFAULT_PREFS: Prefs = {
  orientation: 'below',
  detachKey: DEFAULT_DETACH_KEY,
};

export interface PrefsStore {
  readonly file: string;
  /** The saved preferences, or the defaults and why the file was not usable. */
  read(): { prefs: Prefs; problem?: ZoneError };
  save(change: Partial<Prefs>): Promise<void>;
}

const PREFS_NAME = 'tui';

export function prefsStore(dir: string): PrefsStore {
  const file = path.join(dir, `${PREFS_NAME}.json`);
  let conf: Conf<Record<string, unknown>> | undefined;
  // A file we could not read is the operator's to repair: never overwrite it.
  let damaged = false;

  return {
    file,
    read() {
      let data: unknown;

      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return { prefs: { ...DEFAULT_PREFS } };
        }
        damaged = true;
        return { prefs: { ...DEFAULT_PREFS }, problem: unreadable(error) };
      }

      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        damaged = true;
        return {
          prefs: { ...DEFAULT_PREFS },
          problem: unreadable(new Error('not a JSON object')),
        };
      }

      return { prefs: sanitize(data as Record<string, unknown>) };
    },
    async save(change) {
      if (damaged) {
        return;
      }

      try {
        if (!conf) {
          const { default: ConfClass } = await import('conf');
          conf = new ConfClass({
            cwd: dir,
            configName: PREFS_NAME,
            clearInvalidConfig: false,
          });
        }
        for (const [key, value] of Object.entries(change)) {
          if (value === undefined) {
            conf.delete(key);
          } else {
            conf.set(key, value);
          }
        }
      } catch (error) {
        throw uiErrors.prefsUnwritable(file, error);
      }
    },
  };

  function unreadable(cause: unknown): ZoneError {
    return uiErrors.prefsUnreadable(file, cause);
  }
}

/** Keeps each valid field and falls back to the default for the rest. */
function sanitize(data: Record<string, unknown>): Prefs {
  const prefs: Prefs = { ...DEFAULT_PREFS };
  const { language, orientation, lastZone, detachKey } = data;

  if (typeof language === 'string' && isLanguage(language)) {
    prefs.language = language;
  }
  if (orientation === 'below' || orientation === 'beside') {
    prefs.orientation = orientation;
  }
  if (typeof lastZone === 'string' && isZoneName(lastZone)) {
    prefs.lastZone = lastZone;
  }
  if (typeof detachKey === 'string') {
    prefs.detachKey = detachKey;
  }

  return prefs;
}
