import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ENTER_ALT_SCREEN,
  LEAVE_ALT_SCREEN,
  holdAlternateScreen,
} from '../../../components/terminal/alt-screen.js';
import { tempRoot } from '../../helpers/temp-root.js';

/** A process stand-in that records exits instead of ending the test. */
function fakeProcess() {
  const proc = new EventEmitter() as EventEmitter & { exits: number[] };
  proc.exits = [];
  Object.assign(proc, { exit: (code: number) => proc.exits.push(code) });

  return proc;
}

function terminal(t: Parameters<typeof tempRoot>[0]) {
  const file = path.join(tempRoot(t), 'tty');
  const fd = fs.openSync(file, 'w');
  t.after(() => fs.closeSync(fd));

  return { fd, written: () => fs.readFileSync(file, 'utf8') };
}

test('the alternate screen is entered at once and left exactly once', (t) => {
  const tty = terminal(t);
  const proc = fakeProcess();
  const guard = holdAlternateScreen({ fd: tty.fd, proc: proc as never });

  assert.equal(tty.written(), ENTER_ALT_SCREEN);
  guard.release();
  guard.release();
  proc.emit('exit');

  assert.equal(tty.written(), ENTER_ALT_SCREEN + LEAVE_ALT_SCREEN);
});

for (const [signal, status] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGINT', 130],
] as const) {
  test(`${signal} restores the terminal and ends with status ${status}`, (t) => {
    const tty = terminal(t);
    const proc = fakeProcess();
    holdAlternateScreen({ fd: tty.fd, proc: proc as never });

    proc.emit(signal);

    assert.ok(tty.written().endsWith(LEAVE_ALT_SCREEN));
    assert.deepEqual(proc.exits, [status]);
    assert.equal(proc.listenerCount(signal), 0, 'its handler is gone');
  });
}

test('leaving turns off what a console may have left on and shows the cursor', () => {
  for (const mode of ['?1000l', '?2004l', '?1l', '?25h', '?1049l']) {
    assert.ok(LEAVE_ALT_SCREEN.includes(`\u001B[${mode}`), mode);
  }
});

test('on a signal, the UI stops drawing before the screen is released', (t) => {
  const tty = terminal(t);
  const proc = fakeProcess();
  holdAlternateScreen({
    fd: tty.fd,
    proc: proc as never,
    beforeSignalExit: () => fs.writeSync(tty.fd, 'LAST FRAME'),
  });

  proc.emit('SIGTERM');

  assert.equal(
    tty.written(),
    `${ENTER_ALT_SCREEN}LAST FRAME${LEAVE_ALT_SCREEN}`,
  );
});
