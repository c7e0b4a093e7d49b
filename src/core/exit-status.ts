/** The exit statuses every zonectl command keeps to, for scripts. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type ExitStatus =
  typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_USAGE;
