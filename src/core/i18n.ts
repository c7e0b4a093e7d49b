import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language.js';

export type { TFunction } from 'i18next';

// From dist/src/core/ back to the package's own locales/ folder.
const LOCALES_DIR = fileURLToPath(
  new URL('../../../locales/', import.meta.url),
);

export const NAMESPACES_DEFAULT = 'cli';

type Bundle = Record<string, Record<string, unknown>>;

/** Reads every namespace file of one language from `locales/<lang>/`. */
export function readLanguage(lang: Language, dir = LOCALES_DIR): Bundle {
  const folder = path.join(dir, lang);
  const bundle: Bundle = {};

  for (const file of fs.readdirSync(folder)) {
    if (file.endsWith('.json')) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      bundle[file.slice(0, -'.json'.length)] = JSON.parse(text);
    }
  }

  return bundle;
}

/**
 * A translator set to one language, with English loaded behind it. Other
 * languages are loaded when first asked for, so a daemon that answers each
 * caller in its own language reads each locale once.
 */
export class Messages {
  private readonly instance: i18n;
  private readonly loaded = new Set<Language>();

  constructor(private language: Language = DEFAULT_LANGUAGE) {
    this.instance = i18next.createInstance();
    this.instance.init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      defaultNS: NAMESPACES_DEFAULT,
      ns: [],
      initAsync: false,
      resources: {},
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    this.load(DEFAULT_LANGUAGE);
    this.load(language);
  }

  get current(): Language {
    return this.language;
  }

  /** Switches the default language; labels read afterwards use it. */
  use(language: Language): void {
    this.load(language);
    this.language = language;
    void this.instance.changeLanguage(language);
  }

  /** A translator for one language, leaving the default untouched. */
  fixed(language: Language): TFunction {
    this.load(language);

    return this.instance.getFixedT(language);
  }

  get t(): TFunction {
    return this.instance.getFixedT(this.language);
  }

  private load(language: Language): void {
    if (this.loaded.has(language)) {
      return;
    }

    for (const [ns, resources] of Object.entries(readLanguage(language))) {
      this.instance.addResourceBundle(language, ns, resources, true, true);
    }
    this.loaded.add(language);
  }
}
