/**
 * Puts the operator's terminal in raw mode and promises to put it back,
 * however the program ends: normal return, a thrown error, or a signal.
 */
type Restore = () => void;

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const;

export function enterRawMode(stdin: NodeJS.ReadStream): Restore {
  if (!stdin.isTTY) {
    return () => {};
  }

  let restored = false;
  const restore = () => {
    if (restored) {
      return;
    }
    restored = true;
    stdin.setRawMode(false);
    process.off('exit', restore);
    for (const signal of SIGNALS) {
      process.off(signal, onSignal);
    }
  };

  // Restore first, then die of the same signal, so the shell sees why.
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };

  stdin.setRawMode(true);
  process.on('exit', restore);
  for (const signal of SIGNALS) {
    process.once(signal, onSignal);
  }

  return restore;
}
