import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { connectConsole } from '../../src/client/console-connection.js';
import type { ConsoleSession } from '../../src/client/types.js';
import { ConsoleServer } from '../../src/console/console-server.js';
import { Frame, FrameReader } from '../../src/protocol/console-wire.js';
import { Messages } from '../../src/core/i18n.js';
import { silentLogger } from '../../src/core/logger.js';
import { PtySource } from '../helpers/pty-source.js';
import { Until } from '../helpers/until.js';

interface Harness {
  server: ConsoleServer;
  source: PtySource;
  socketPath: string;
}

async function harness(t: TestContext): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-console-'));
  const socketPath = path.join(dir, 'console.sock');
  const server = new ConsoleServer({
    socketPath,
    zone: 'web',
    messages: new Messages('en'),
    logger: silentLogger,
  });
  const source = new PtySource();

  await server.listen();
  server.attachSource(source, Buffer.alloc(0));
  t.after(async () => {
    source.kill();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  return { server, source, socketPath };
}

/** A client that records everything it is sent. */
async function attach(
  t: TestContext,
  h: Harness,
  options: {
    locale?: 'en' | 'de';
    readOnly?: boolean;
    detachOnHalt?: boolean;
  } = {},
) {
  const until = new Until();
  const session: ConsoleSession = await connectConsole(h.socketPath, 'web', {
    locale: options.locale ?? 'en',
    readOnly: options.readOnly ?? false,
    detachOnHalt: options.detachOnHalt ?? false,
  });
  // `tail` keeps the end of the output, so that waiting on a flood does
  // not rescan megabytes after every chunk.
  const seen = {
    output: '',
    tail: '',
    bytes: 0,
    notices: [] as string[],
    closed: false,
  };

  session.onData((chunk) => {
    const text = chunk.toString('utf8');
    seen.bytes += chunk.length;
    seen.tail = (seen.tail + text).slice(-4096);
    if (seen.bytes < 1_000_000) {
      seen.output += text;
    }
    until.poke();
  });
  session.onNotice((text) => {
    seen.notices.push(text);
    until.poke();
  });
  session.onClose(() => {
    seen.closed = true;
    until.poke();
  });
  t.after(() => session.close());

  return { session, seen, until };
}

test('a client types echo $((6*7)) and reads 42', async (t) => {
  const h = await harness(t);
  const c = await attach(t, h);

  c.session.write('echo $((6*7))\r');

  await c.until.wait(() => /[\r\n]42\r\n/.test(c.seen.output), '42');
});

test('two clients see the same output, and what either types reaches the shell', async (t) => {
  const h = await harness(t);
  const a = await attach(t, h);
  const b = await attach(t, h);

  a.session.write('echo from-$((1+1))-a\r');
  await b.until.wait(() => b.seen.output.includes('from-2-a'), 'a in b');
  b.session.write('echo from-$((2+1))-b\r');
  await a.until.wait(() => a.seen.output.includes('from-3-b'), 'b in a');
});

test('a read-only client watches, and its keystrokes never reach the shell', async (t) => {
  const h = await harness(t);
  const writer = await attach(t, h);
  const watcher = await attach(t, h, { readOnly: true });

  watcher.session.write('echo sneaky-$((40+2))\r');
  writer.session.write('echo marker-$((5*5))\r');

  await watcher.until.wait(
    () => watcher.seen.output.includes('marker-25'),
    'marker',
  );
  assert.ok(!writer.seen.output.includes('sneaky-42'));
  assert.ok(!watcher.seen.output.includes('sneaky-42'));
});

test('a newcomer is sent the current screen first', async (t) => {
  const h = await harness(t);
  const first = await attach(t, h);
  first.session.write('echo remembered-$((6*7))\r');
  await first.until.wait(
    () => first.seen.output.includes('remembered-42'),
    'output',
  );

  const late = await attach(t, h);

  await late.until.wait(
    () => late.seen.output.includes('remembered-42'),
    'screen',
  );
  assert.ok(late.seen.output.startsWith('\x1b[H\x1b[2J'));
});

test('notices reach each client in its own language, apart from the output', async (t) => {
  const h = await harness(t);
  const en = await attach(t, h, { locale: 'en' });
  const de = await attach(t, h, { locale: 'de' });

  h.server.notify('rebooting');

  await en.until.wait(() => en.seen.notices.length > 0, 'en notice');
  await de.until.wait(() => de.seen.notices.length > 0, 'de notice');
  assert.deepEqual(en.seen.notices, ['zone web is rebooting']);
  assert.deepEqual(de.seen.notices, ['Zone web startet neu']);
  assert.ok(!en.seen.output.includes('rebooting'));
});

test('a client that asked to detach on halt is let go, the others stay', async (t) => {
  const h = await harness(t);
  const leaving = await attach(t, h, { detachOnHalt: true });
  const staying = await attach(t, h);
  h.server.onClientsChange(() => staying.until.poke());

  h.server.notify('halted');

  await leaving.until.wait(() => leaving.seen.closed, 'detach');
  await staying.until.wait(() => h.server.clientCount === 1, 'one client left');
  assert.deepEqual(staying.seen.notices, ['zone web halted']);
  assert.equal(staying.seen.closed, false);
});

test('a malformed hello gets a reason and the server keeps serving', async (t) => {
  const h = await harness(t);

  const answer = await new Promise<string>((resolve) => {
    const socket = net.createConnection(h.socketPath, () =>
      socket.write('{"v":99}\n'),
    );
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => resolve(text));
  });

  assert.match(answer, /^ERR the console handshake was not understood/);
  const c = await attach(t, h);
  c.session.write('echo still-$((2*21))\r');
  await c.until.wait(() => c.seen.output.includes('still-42'), 'still serving');
});

test('a client that stops reading holds back no other, and is later sent the screen', async (t) => {
  const h = await harness(t);
  const fast = await attach(t, h);

  // A raw client that completes the hello, then never reads again.
  const stalled = net.createConnection(h.socketPath, () => {
    stalled.write(
      '{"v":1,"locale":"en","readOnly":true,"detachOnHalt":false}\n',
    );
  });
  const first = await new Promise<Buffer>((resolve) =>
    stalled.once('data', resolve),
  );
  stalled.pause();
  t.after(() => stalled.destroy());

  // About 20 MB of output: far more than a client's bounded queue.
  fast.session.write(
    'head -c 15000000 /dev/zero | base64 -w 100; echo flood-$((3*3))-done\r',
  );

  await fast.until.wait(
    () => fast.seen.tail.includes('flood-9-done'),
    'flood end',
    120000,
  );
  assert.ok(fast.seen.bytes > 20_000_000, `only ${fast.seen.bytes} bytes`);

  // Once it reads again, it is sent the screen instead of the backlog.
  const reader = new FrameReader();
  reader.push(first.subarray(first.indexOf(0x0a) + 1));
  const until = new Until();
  let received = 0;
  let screen = '';
  stalled.on('data', (chunk: Buffer) => {
    received += chunk.length;
    for (const frame of reader.push(chunk)) {
      if (frame.type === Frame.Screen) {
        screen = frame.payload.toString('utf8');
      }
    }
    until.poke();
  });
  stalled.resume();

  await until.wait(
    () => screen.includes('flood-9-done'),
    'resynchronized screen',
  );
  assert.ok(
    received < 5_000_000,
    `the stalled client was sent ${received} bytes`,
  );
});

test('a newcomer is sent a screen larger than any data frame, and stays', async (t) => {
  const h = await harness(t);
  const first = await attach(t, h);

  // 300 lines of 400 columns fill the whole scrollback, whatever the
  // width: far more than one data frame holds.
  first.session.write(
    "i=0; while [ $i -lt 300 ]; do printf '%0400d\\n' $i; i=$((i+1)); done; " +
      'echo filled-$((1+1))\r',
  );
  await first.until.wait(() => /filled-2\r\n/.test(first.seen.tail), 'filled');

  const late = await attach(t, h);
  await late.until.wait(
    () => late.seen.output.includes('filled-2'),
    `the screen (${late.seen.bytes} bytes, closed: ${late.seen.closed})`,
  );
  assert.ok(
    late.seen.bytes > 64 * 1024,
    `a screen of ${late.seen.bytes} bytes`,
  );

  late.session.write('echo still-$((2+2))\r');
  await late.until.wait(() => late.seen.tail.includes('still-4'), 'typed');
  assert.equal(late.seen.closed, false);
});
