/**
 * The terminal UI end to end: the real `zonectl` in a real terminal (tmux)
 * against real zones in a temporary root, driven by keys and read from the
 * screen.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test, type TestContext } from 'node:test';
import { ZONECTL, zonectl } from '../helpers/cli.js';
import { e2eRoot, installedZone } from './helpers/e2e-root.js';
import { Tmux } from './helpers/tmux.js';

/** The UI open on a root with the given installed zones. */
async function openUi(t: TestContext, zones: string[], cols = 100, rows = 30) {
  const term = new Tmux(t, cols, rows);
  const root = e2eRoot(t, term);
  for (const zone of zones) {
    installedZone(root, zone);
  }

  await term.until(/shell\$/, 'the shell prompt');
  term.type(`echo BEFORE-UI; ${process.execPath} ${ZONECTL} --root ${root}`);
  term.keys('Enter');
  await term.until(/NAME\s+STATE/, 'the zone table');

  return { term, root };
}

/** True once the UI is gone and the shell it was started from prompts again. */
function backAtShell(screen: string): boolean {
  const lines = screen.split('\n');
  const before = lines.findIndex((line) => line === 'BEFORE-UI');

  return (
    before >= 0 &&
    lines.slice(before + 1).some((line) => /^shell\$\s*$/.test(line)) &&
    !screen.includes('NAME')
  );
}

/** The line of the table that shows `zone`. */
function row(screen: string, zone: string): string {
  return (
    screen
      .split('\n')
      .find((line) => new RegExp(`^[> ] ${zone}\\b`).test(line)) ?? ''
  );
}

test('b boots the selected zone, the reply confirms it, and its row turns running', async (t) => {
  const { term } = await openUi(t, ['web']);
  await term.until((s) => row(s, 'web').includes('installed'));

  term.keys('b');

  const screen = await term.until(
    (s) => /running/.test(row(s, 'web')),
    'web running',
  );
  assert.match(screen, /^web: .+/m, 'the daemon reply in the message line');
  assert.ok(term.styled().includes('\u001B[32mrunning'), 'green');
});

test('h asks y/N, and y halts the zone back to installed', async (t) => {
  const { term, root } = await openUi(t, ['web']);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  await term.until((s) => /running/.test(row(s, 'web')));

  term.keys('h');
  await term.until(/Halt zone web\? Every process in it stops\. \[y\/N\]/);
  term.keys('y');

  await term.until((s) => /installed/.test(row(s, 'web')), 'web installed');
});

test('No is the default: Enter at the halt question leaves the zone running', async (t) => {
  const { term, root } = await openUi(t, ['web']);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  await term.until((s) => /running/.test(row(s, 'web')));

  term.keys('h');
  await term.until(/Halt zone web\?/);
  term.keys('Enter');

  await term.until(/Cancelled: halt of web\./);
  assert.equal(zonectl(root, ['list']).stdout.trim(), 'web');
});

test('a zone booted from another terminal appears as running', async (t) => {
  const { term, root } = await openUi(t, ['web', 'db']);
  await term.until((s) => /installed/.test(row(s, 'db')));

  const boot = zonectl(root, ['boot', 'db']);

  assert.equal(boot.code, 0, boot.stderr);
  await term.until((s) => /running/.test(row(s, 'db')), 'db running');
  assert.match(row(term.screen(), 'web'), /installed/);
});

test('the docked console runs what is typed: echo $((6*7)) shows 42', async (t) => {
  const { term, root } = await openUi(t, ['web']);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  await term.until((s) => /running/.test(row(s, 'web')));

  term.keys('Enter');
  await term.until(/console web · keys go to the zone/);
  term.keys('Enter');
  term.type('echo $((6*7))');
  term.keys('Enter');

  await term.until((s) => {
    const pane = s
      .split('\n')
      .slice(s.split('\n').findIndex((l) => l.includes('console web')));
    return pane.some((line) => /^42\s*$/.test(line));
  }, '42 in the pane');

  term.keys('C-]');
  await term.until(/console web · Tab gives it the keyboard/);
});

test('switching to Japanese changes the labels, and the daemon answers in Japanese', async (t) => {
  const { term } = await openUi(t, ['web']);

  term.keys('L');
  await term.until(/日本語 \(ja\)/);
  term.keys('Up', 'Enter');
  await term.until(/名前\s+状態/, 'Japanese column headers');
  await term.until(/表示言語を日本語に切り替えました。/);

  term.keys('b');

  const screen = await term.until(
    (s) => /実行中/.test(row(s, 'web')),
    'web 実行中',
  );
  const message = screen.split('\n').find((l) => l.startsWith('web: ')) ?? '';
  assert.match(message, /[\u3040-\u30ff\u4e00-\u9fff]/, `Japanese: ${message}`);
  assert.doesNotMatch(message, /\b(booted|boot|running)\b/i);
});

test('q quits, and the terminal is restored: normal screen, echo, the shell', async (t) => {
  const { term } = await openUi(t, ['web']);
  assert.equal(term.alternate(), true, 'the UI is on the alternate screen');

  term.keys('q');
  await term.until(backAtShell, 'the shell prompting again');

  assert.equal(term.alternate(), false);
  term.type('echo restored-$((1+1))');
  term.keys('Enter');
  await term.until(/^restored-2$/m, 'the shell running commands again');
  assert.match(
    term.screen(),
    /echo restored-\$\(\(1\+1\)\)/,
    'typed keys echo again',
  );
});

test('Ctrl-C asks before quitting', async (t) => {
  const { term } = await openUi(t, ['web']);

  term.keys('C-c');
  await term.until(/Quit zonectl\? Running zones keep running\. \[y\/N\]/);
  term.keys('n');
  await term.until((s) => !s.includes('Quit zonectl?'));
  term.keys('C-c', 'y');

  await term.until(backAtShell, 'the shell prompting again');
});

test('SIGTERM restores the terminal too', async (t) => {
  const { term } = await openUi(t, ['web']);
  const shell = term.shellPid();
  const ui = spawnSync('pgrep', ['-P', String(shell)], { encoding: 'utf8' });
  const pid = Number(ui.stdout.trim().split('\n')[0]);
  assert.ok(pid > 0, 'the UI process');

  process.kill(pid, 'SIGTERM');

  await term.until(backAtShell, 'the shell prompting again');
  assert.equal(term.alternate(), false);
});

test('the UI fits 80x24 and follows the terminal when it is resized', async (t) => {
  const { term } = await openUi(t, ['web'], 120, 40);

  term.resize(80, 24);

  // capture-pane ends the last line with a newline too. Until the UI
  // redraws, tmux shows the old frame scrolled, hints included.
  const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');
  const screen = await term.until(
    (s) =>
      /^zonectl/.test(lines(s)[0] ?? '') && /b boot/.test(lines(s)[22] ?? ''),
    'the title on the first line and the hints on the last line but one',
  );
  assert.equal(lines(screen).length, 24);
  assert.ok(lines(screen).every((line) => line.length <= 80));
});
