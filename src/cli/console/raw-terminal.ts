/**
 * Puts the operator's terminal in raw mode and promises to put it back,
 * however the program ends: normal return, a thrown error, or a signal.
 */
import { spawnSync } from 'node:child_process';

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
  stopOutputProcessing(stdin);
  process.on('exit', restore);
  for (const signal of SIGNALS) {
    process.once(signal, onSignal);
  }

  return restore;
}

/**
 * Node's raw mode leaves the terminal's output processing on, so every
 * "\n" the zone sends would reach the screen as "\r\n" and a zone's
 * "\r\n" as "\r\r\n". Only stty can clear that flag; leaving raw mode
 * restores the terminal's saved settings, this flag with them.
 */
function stopOutputProcessing(stdin: NodeJS.ReadStream): void {
  spawnSync('stty', ['-opost'], { stdio: [stdin, 'ignore', 'ignore'] });
}
