/**
 * Connects the operator's terminal to a console session: bytes pass through
 * unchanged both ways, notices are shown as bracketed lines, the window
 * size follows the terminal, and the escape character detaches.
 */
import type { ConsoleSession } from '../../client/types.js';
import { EscapeFilter } from './escape.js';
import { enterRawMode } from './raw-terminal.js';

export interface TerminalIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** How a session ended. */
export type Ending =
  { kind: 'detached' } | { kind: 'closed'; reason: string } | { kind: 'lost' };

/**
 * Runs one session until the operator detaches or the server closes it.
 * `lost` means the connection broke without a goodbye (a daemon killed):
 * the caller may reconnect, handing the same `filter` on so that a pending
 * escape is not forgotten.
 */
export function attachTerminal(
  session: ConsoleSession,
  io: TerminalIO,
  filter: EscapeFilter,
  banner?: string,
): Promise<Ending> {
  return new Promise((resolve) => {
    // The banner comes once the terminal is raw: from then on, every key
    // goes to the zone and none is echoed or held back by the terminal.
    const restore = enterRawMode(io.stdin);
    if (banner !== undefined) {
      io.stdout.write(bracketed(banner));
    }
    const resize = () => {
      if (io.stdout.columns && io.stdout.rows) {
        session.resize(io.stdout.columns, io.stdout.rows);
      }
    };

    let done = false;
    const finish = (ending: Ending) => {
      if (done) {
        return;
      }
      done = true;
      io.stdin.off('data', onInput);
      io.stdout.off('resize', resize);
      io.stdin.pause();
      restore();
      resolve(ending);
    };

    const onInput = (chunk: Buffer) => {
      const { send, detach } = filter.filter(chunk);
      if (send.length > 0) {
        session.write(send);
      }
      if (detach) {
        session.close();
        finish({ kind: 'detached' });
      }
    };

    session.onData((chunk) => io.stdout.write(chunk));
    session.onNotice((text) => io.stdout.write(bracketed(text)));
    session.onClose((reason) =>
      finish(
        reason === undefined ? { kind: 'lost' } : { kind: 'closed', reason },
      ),
    );

    io.stdin.on('data', onInput);
    io.stdin.resume();
    io.stdout.on('resize', resize);
    resize();
  });
}

/**
 * A line of zonectl's own, bracketed and on a line of its own, as the
 * zone's notices are, so that it never reads as something the zone printed.
 */
export function bracketed(text: string): string {
  return `\r\n[${text}]\r\n`;
}
