/**
 * A console on the whole terminal, for full fidelity: the UI is suspended,
 * the zone's bytes go straight to the terminal and the keyboard's straight
 * to the zone, until the detach key. The screen the UI kept is drawn first,
 * so the operator sees the console's current state at once.
 */
import { SerializeAddon } from '@xterm/addon-serialize';
import { ENTER_ALT_SCREEN } from '../terminal/alt-screen.js';
import type { ConsoleView } from './console-view.js';
import { splitAtDetach } from './detach-key.js';

export interface FullscreenIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

const CSI = '\u001B[';

// Modes a program in the zone may have switched on and not off; the UI
// needs them off again (mouse reports, bracketed paste, cursor keys).
const RESET_MODES =
  `${CSI}?1000l${CSI}?1002l${CSI}?1003l${CSI}?1006l${CSI}?2004l` +
  `${CSI}?1l\u001B>${CSI}0m`;

/**
 * Runs until the detach key is typed or the console closes. `restore`
 * gives the console back the size it had in its pane.
 */
export async function runFullscreen(
  view: ConsoleView,
  io: FullscreenIo,
  detachByte: string,
): Promise<void> {
  const { stdin, stdout } = io;
  const before = { cols: view.term.cols, rows: view.term.rows };
  const fit = () => view.resize(stdout.columns || 80, stdout.rows || 24);

  fit();
  stdout.write(`${CSI}H${CSI}2J${CSI}0m${serialize(view)}`);

  await new Promise<void>((resolve) => {
    const onKeys = (chunk: string | Buffer) => {
      const { before: keys, detached } = splitAtDetach(
        chunk.toString(),
        detachByte,
      );
      if (keys !== '') {
        view.write(keys);
      }
      if (detached) {
        finish();
      }
    };
    const onClosed = () => {
      if (view.status === 'closed') {
        finish();
      }
    };
    const unsubscribe = view.subscribe(onClosed);
    const finish = () => {
      unsubscribe();
      view.setMirror(undefined);
      stdin.off('data', onKeys);
      stdout.off('resize', fit);
      resolve();
    };

    view.setMirror((chunk) => stdout.write(chunk));
    stdout.on('resize', fit);
    if (stdin.isTTY) {
      stdin.setRawMode(true);
    }
    stdin.on('data', onKeys);
    stdin.resume();
  });

  // A program in the zone may have left the alternate screen: enter it
  // again, so the UI never draws over the operator's shell history.
  stdin.pause();
  stdout.write(RESET_MODES + ENTER_ALT_SCREEN);
  view.resize(before.cols, before.rows);
}

function serialize(view: ConsoleView): string {
  const addon = new SerializeAddon();

  // The addon reads the terminal through the proposed API it activates on.
  view.term.loadAddon(addon);
  const screen = addon.serialize({ scrollback: 0 });
  addon.dispose();

  return screen;
}
