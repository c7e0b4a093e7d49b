/**
 * How a starting daemon tells the process that started it whether it is
 * ready: one JSON line (a `HandshakeMessage`) on an extra descriptor the
 * starter passes, named by an environment variable. A daemon started without
 * it was started by hand, and says that is not how it is meant to be run.
 */
export const HANDSHAKE_FD_ENV = 'ZONEADMD_HANDSHAKE_FD';

/** The descriptor after stdin, stdout and stderr. */
export const HANDSHAKE_FD = 3;
