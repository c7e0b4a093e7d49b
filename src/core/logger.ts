/**
 * One logger per process, handed to whatever needs it. Lines are JSON so that
 * a daemon's log can be read by tools; `fields` carry the zone and the pid.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  fields?: Record<string, unknown>;
  now?: () => Date;
}

export function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in RANK;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line) => process.stderr.write(line));
  const base = options.fields ?? {};
  const now = options.now ?? (() => new Date());

  const log =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (RANK[level] < threshold) {
        return;
      }

      const record = {
        time: now().toISOString(),
        level,
        message,
        ...base,
        ...fields,
      };
      write(`${JSON.stringify(record, errorReplacer)}\n`);
    };

  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) =>
      createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything, for code paths that must stay quiet. */
export const silentLogger: Logger = createLogger({
  level: 'error',
  write: () => {},
});

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, cause: value.cause };
  }

  return value;
}
