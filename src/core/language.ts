/** The languages zonectl speaks; English is the fallback for everything. */
export const LANGUAGES = ['en', 'de', 'fr', 'ja'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a POSIX locale name asks for: `de_DE.UTF-8` is German, and
 * `C`, `POSIX` or anything we do not speak is English.
 */
export function languageOfLocale(
  locale: string | undefined,
): Language | undefined {
  if (!locale) {
    return undefined;
  }

  const lang = locale.split(/[_.@-]/)[0]?.toLowerCase() ?? '';

  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/**
 * The operator's language: LC_ALL wins, then LC_MESSAGES, then LANG, as the
 * C library decides it. An empty variable counts as unset.
 */
export function languageFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;

  return languageOfLocale(locale) ?? DEFAULT_LANGUAGE;
}
