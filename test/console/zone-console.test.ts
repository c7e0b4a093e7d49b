/**
 * `zonectl console` against real zones: real daemons, real holders, real
 * ptys on both sides. Each test boots its own zone under its own root.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLIENT_QUEUE_BYTES } from '../../src/console/attached-client.js';
import { consoleLogPath } from '../../src/protocol/paths.js';
import { zonectl } from '../helpers/cli.js';
import {
  daemonPids,
  installZone,
  pathsOf,
  waitFor,
  waitGone,
  zoneRoot,
} from '../helpers/daemons.js';
import {
  bootedZone,
  consoleClient,
  library,
  run,
} from '../helpers/console-clients.js';

test('typing echo $((6*7)) on the console shows 42', async (t) => {
  const root = bootedZone(t);
  const client = consoleClient(t, root, 'con');

  await client.expect(/Connected to zone con console/);
  await run(client, 'echo $((6*7))', /\r42\r\n/);
});

test('two clients see the same output, and what one types reaches the zone', async (t) => {
  const root = bootedZone(t);
  const first = consoleClient(t, root, 'con');
  const second = consoleClient(t, root, 'con');
  await first.expect(/Connected/);
  await second.expect(/Connected/);

  await run(first, 'echo from-first-$((20+1))', /\rfrom-first-21\r\n/);
  await second.expect(/\rfrom-first-21\r\n/);

  await run(second, 'echo from-second-$((20+2))', /\rfrom-second-22\r\n/);
  await first.expect(/\rfrom-second-22\r\n/);
});

test('a read-only client watches, and its keystrokes do not reach the zone', async (t) => {
  const root = bootedZone(t);
  const writer = consoleClient(t, root, 'con');
  const watcher = consoleClient(t, root, 'con', '-R');
  await writer.expect(/Connected/);
  await watcher.expect(/read-only/);

  watcher.write('echo watcher-$((3+4))\r');
  // The writer's command is typed after the watcher's: once its answer is
  // out, anything the watcher's keys did would have shown before it.
  await run(writer, 'echo writer-$((5+5))', /\rwriter-10\r\n/);
  await watcher.expect(/\rwriter-10\r\n/);

  assert.doesNotMatch(writer.output, /watcher/);
  assert.doesNotMatch(watcher.output, /watcher-7/);
});

test('~. detaches; on reattach the previous screen is there at once', async (t) => {
  const root = bootedZone(t);
  const first = consoleClient(t, root, 'con');
  await first.expect(/Connected/);
  await run(first, 'echo screen-mark-$((40+2))', /\rscreen-mark-42\r\n/);

  first.write('\r~.');
  assert.equal(await first.wait(), 0);
  assert.match(first.output, /Connection to zone con console closed/);

  // Nothing is typed on the second client: the mark comes from the
  // screen the daemon kept.
  const second = consoleClient(t, root, 'con');
  await second.expect(/screen-mark-42/);
});

test('-e changes the escape character, and ~~ at the start of a line sends one ~', async (t) => {
  const root = bootedZone(t);
  const caret = consoleClient(t, root, 'con', '-e', '^');
  await caret.expect(/Type \^\. to disconnect/);

  // The zone's shell echoes what reaches it (the client itself echoes
  // nothing); Ctrl-U then clears the line, so nothing runs.
  caret.write('~.');
  await caret.expect(/~\./);
  assert.equal(caret.ended, false);
  caret.write('\x15\r^.');
  assert.equal(await caret.wait(), 0);

  const tilde = consoleClient(t, root, 'con');
  await tilde.expect(/Type ~\. to disconnect/);
  tilde.write('~~tilde');
  await tilde.expect(/~tilde/);
  assert.doesNotMatch(tilde.output, /~~tilde/);
  tilde.write('\x15\r~.');
  assert.equal(await tilde.wait(), 0);
});

test('SIGKILL of zoneadmd under a printing loop loses no line in log or scrollback', async (t) => {
  const root = bootedZone(t);
  const client = consoleClient(t, root, 'con');
  await client.expect(/Connected/);

  client.write(
    'i=0; while [ $i -lt 600 ]; do echo "count $i"; i=$((i+1)); ' +
      'sleep 0.005; done; echo "count done"\r',
  );
  await client.expect(/count 100\r\n/);

  const [daemon] = daemonPids(root, 'con');
  assert.ok(daemon, 'a daemon serves the zone');
  process.kill(daemon, 'SIGKILL');
  await waitGone(daemon);

  // The client notices, starts a fresh daemon and goes on; the loop never
  // stopped, so the fresh screen must carry what came meanwhile.
  // The typed command line holds `"count done"` too; the loop's own line
  // ends right after the words.
  await client.expect(/reconnecting/);
  await client.expect(/count done\r\n/);
  const watcher = await library(t, root, 'con', 'en', true);
  await watcher.until.wait(
    () => /count done\r\n/.test(watcher.seen.text),
    'the reattached screen to show the end of the loop',
  );

  assertContiguous(watcher.seen.text, 'the scrollback');
  const log = fs.readFileSync(consoleLogPath(pathsOf(root), 'con'), 'utf8');
  assertContiguous(log, 'the console log', 0);
});

/** Every `count N` from the first seen (or `from`) to 599, none missing. */
function assertContiguous(text: string, where: string, from?: number): void {
  const numbers = [...text.matchAll(/count (\d+)\r?\n/g)].map((m) =>
    Number(m[1]),
  );
  const unique = [...new Set(numbers)];
  const first = from ?? unique[0] ?? 0;
  const expected = Array.from({ length: 600 - first }, (_, i) => first + i);

  assert.deepEqual(unique, expected, `${where} has every line in order`);
}

test('a client that stops reading does not slow another one', async (t) => {
  const root = bootedZone(t);
  const stalled = await library(t, root, 'con');
  const reader = await library(t, root, 'con');

  // The stalled client's socket is never read again from here on.
  (stalled.session as unknown as { socket: { pause(): void } }).socket.pause();

  const started = process.hrtime.bigint();
  reader.session.write(
    'head -c 30000000 /dev/zero | tr "\\0" x | fold -w 100; echo flood-$((9*9))\r',
  );
  await reader.until.wait(
    () => /flood-81/.test(reader.seen.text),
    'the reading client to see the end of the flood',
    120_000,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  t.diagnostic(
    `reading client: ${(reader.seen.bytes / 1e6).toFixed(1)} MB in ` +
      `${seconds.toFixed(2)} s = ${(reader.seen.bytes / 1e6 / seconds).toFixed(1)} MB/s`,
  );
  // The reader saw the flood to its end: the stalled client held neither
  // it nor the zone back. (A reader that itself falls a megabyte behind,
  // on a busy host, is sent the screen instead of the backlog it missed,
  // so how many bytes it got is not the measure.)
  assert.ok(
    stalled.seen.bytes < CLIENT_QUEUE_BYTES,
    `the stalled client was not fed the flood (${stalled.seen.bytes} bytes)`,
  );
});

test('notices arrive in German for a German client, in English for an English one', async (t) => {
  const root = bootedZone(t);
  const german = await library(t, root, 'con', 'de');
  const english = await library(t, root, 'con', 'en');

  assert.equal(zonectl(root, ['reboot', 'con']).code, 0);

  await german.until.wait(
    () => german.seen.notices.some((n) => /Neustart|startet neu/.test(n)),
    'a German reboot notice',
  );
  await english.until.wait(
    () => english.seen.notices.some((n) => /is rebooting/.test(n)),
    'an English reboot notice',
  );
  assert.ok(!german.seen.notices.some((n) => /is rebooting/.test(n)));
  assert.ok(!english.seen.notices.some((n) => /Neustart|startet neu/.test(n)));
});

test('attached to a ready zone, the client watches it boot and follows a halt', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'con');
  assert.equal(zonectl(root, ['ready', 'con']).code, 0);
  const client = consoleClient(t, root, 'con');
  await client.expect(/Connected/);

  assert.equal(zonectl(root, ['boot', 'con', '--', 'single']).code, 0);
  await client.expect(/\[zone con is booting\]/);
  await client.expect(/boot arguments: single/);

  assert.equal(zonectl(root, ['halt', 'con']).code, 0);
  await client.expect(/\[zone con halted\]/);
  // Without -d the client stays for the next boot.
  await sleep(200);
  assert.equal(client.ended, false);
  client.write('\r~.');
  assert.equal(await client.wait(), 0);
});

test('-d leaves when the zone halts, and --show-log prints what the console printed', async (t) => {
  const root = bootedZone(t);
  const client = consoleClient(t, root, 'con', '-d');
  await client.expect(/Connected/);
  await run(client, 'echo logged-$((6*6))', /\rlogged-36\r\n/);

  assert.equal(zonectl(root, ['halt', 'con']).code, 0);
  assert.equal(await client.wait(), 0);
  assert.match(client.output, /halted; console closed/);

  const log = zonectl(root, ['console', 'con', '--show-log']);
  assert.equal(log.code, 0);
  assert.match(log.stdout, /logged-36/);
});

test('a zone that is only configured has no console, and the error says why', async (t) => {
  const root = zoneRoot(t);
  assert.equal(zonectl(root, ['create', 'con']).code, 0);

  const result = zonectl(root, ['console', 'con', '-R']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /configured/);
  assert.deepEqual(daemonPids(root), []);

  const noLog = zonectl(root, ['console', 'con', '--show-log']);
  assert.equal(noLog.code, 1);
  assert.match(noLog.stderr, /no console log/);
});

test('a daemon with a console client stays after a halt, leaves when it detaches', async (t) => {
  const root = bootedZone(t);
  const watcher = await library(t, root, 'con', 'en', true);
  const [daemon] = daemonPids(root, 'con');
  assert.ok(daemon);

  assert.equal(zonectl(root, ['halt', 'con']).code, 0);
  await watcher.until.wait(
    () => watcher.seen.notices.some((n) => /halted/.test(n)),
    'the halt notice',
  );
  await sleep(300);
  assert.deepEqual(daemonPids(root, 'con'), [daemon]);

  watcher.session.close();
  await waitFor(
    () => daemonPids(root, 'con').length === 0,
    'the daemon to leave',
  );
});
