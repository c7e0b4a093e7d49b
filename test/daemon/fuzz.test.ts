/**
 * The door under garbage: more than a thousand random or malformed frames,
 * over many connections, each answered with an error or a closed
 * connection, after which the daemon still serves correctly and has not
 * grown without bound.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { test } from 'node:test';
import { MAX_FRAME_BYTES } from '../../src/protocol/limits.js';
import { zonectl } from '../helpers/cli.js';
import { daemonPids, installZone, zoneRoot } from '../helpers/daemons.js';
import { RawDoor, request, status } from '../helpers/door.js';

// Rounds of garbage; each sends about 700 KB in 30 frames.
const ROUNDS = 260;

/**
 * The daemon's resident memory must stay below this while it is sent more
 * than this in garbage: a daemon that kept what it was sent would cross it.
 * An idle daemon takes about 55 MB; under this flood the garbage collector
 * lets it settle near 110 MB.
 */
const MAX_DAEMON_RSS_BYTES = 150 * 1024 * 1024;

/** A length-prefixed frame around any bytes. */
function frame(body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

const json = (value: unknown) => frame(Buffer.from(JSON.stringify(value)));

/** Frames that each deserve one error reply on a connection that stays open. */
function answeredGarbage(): Buffer[] {
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  return [
    frame(crypto.randomBytes(1 + crypto.randomInt(200))),
    frame(Buffer.alloc(0)),
    frame(Buffer.from(deep)),
    frame(Buffer.from('{"v":1,"type":"request"')),
    json(null),
    json([1, 2, 3]),
    json('boot'),
    json({ ...request('boot'), v: 99 }),
    json({ ...request('boot'), v: '1' }),
    json({ v: 1, type: 'launch-missiles', seq: 1 }),
    json({ ...request('boot'), command: 'format-disk' }),
    json({ ...request('boot'), locale: 'tlh' }),
    json({ ...request('boot'), caller: { uid: -1, pid: 1, user: 'x' } }),
    json({ ...request('boot'), args: 'not-a-list' }),
    json({ ...request('boot'), args: Array(100).fill('x') }),
    json({ ...request('boot'), extra: { nested: true } }),
    frame(
      Buffer.from(
        '{"v":1,"type":"status","seq":1,"locale":"en","__proto__":{}}',
      ),
    ),
    json({ v: 1, type: 'reply', seq: 1, ok: true, exit: 0, messages: [] }),
    json({ ...status(), seq: -5 }),
    // Near the cap: junk, an object that is not JSON, and a valid object
    // with a field that is far too long; together most of a round's bytes.
    frame(Buffer.from('x'.repeat(MAX_FRAME_BYTES))),
    frame(
      Buffer.concat([
        Buffer.from('{'),
        crypto.randomBytes(MAX_FRAME_BYTES - 1),
      ]),
    ),
    json({
      ...request('boot'),
      caller: { uid: 0, pid: 1, user: 'u'.repeat(60_000) },
    }),
    json({ ...request('boot'), args: [Array(60_000).fill('a').join('')] }),
    ...Array.from({ length: 6 }, () =>
      frame(crypto.randomBytes(MAX_FRAME_BYTES - crypto.randomInt(1000))),
    ),
  ];
}

/** Input after which the daemon must close the connection. */
function closingGarbage(): Buffer[] {
  const huge = Buffer.alloc(4);
  huge.writeUInt32BE(MAX_FRAME_BYTES + 1 + crypto.randomInt(1e6));
  return [huge, crypto.randomBytes(64 + crypto.randomInt(512))];
}

function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]) * 1024;
}

function openFds(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

async function round(root: string): Promise<{ frames: number; bytes: number }> {
  let sent = 0;
  let bytes = 0;

  // One connection gets every answerable frame in one write, and must
  // answer each with a usage error, in order.
  const door = await RawDoor.open(root, 'web');
  const frames = answeredGarbage();
  door.sendBytes(Buffer.concat(frames));
  bytes += frames.reduce((sum, f) => sum + f.length, 0);
  for (let i = 0; i < frames.length; i++) {
    const reply = await door.next();
    assert.equal(reply.type, 'reply');
    assert.equal(reply.ok, false);
    assert.equal(reply.exit, 2, JSON.stringify(reply));
    assert.equal((reply.messages as string[]).length, 1);
  }
  sent += frames.length;

  // The same connection still works for a real request.
  door.send(status());
  assert.equal((await door.next()).type, 'snapshot');
  door.close();

  // Oversized or unframed input: an error if one fits, then the daemon
  // hangs up rather than guess where the next frame starts.
  for (const bytes of closingGarbage()) {
    const bad = await RawDoor.open(root, 'web');
    bad.sendBytes(bytes);
    await bad.closedByDaemon();
    sent++;
  }

  // A frame cut short by a client that goes away.
  const cut = await RawDoor.open(root, 'web');
  cut.sendBytes(json(request('halt')).subarray(0, 10));
  cut.close();
  sent++;

  return { frames: sent, bytes };
}

test('a thousand malformed frames later the daemon serves, in bounded memory', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const [daemon] = daemonPids(root, 'web');
  assert.ok(daemon);

  const fds = openFds(daemon);
  let sent = 0;
  let bytes = 0;
  let peak = 0;

  for (let i = 0; i < ROUNDS; i++) {
    const done = await round(root);
    sent += done.frames;
    bytes += done.bytes;
    peak = Math.max(peak, rss(daemon));
  }

  assert.ok(sent >= 1000, `sent ${sent} frames`);
  assert.ok(bytes > MAX_DAEMON_RSS_BYTES, `only ${bytes} bytes sent`);
  assert.ok(peak < MAX_DAEMON_RSS_BYTES, `RSS reached ${peak} bytes`);
  assert.deepEqual(daemonPids(root, 'web'), [daemon], 'the same daemon');
  assert.ok(openFds(daemon) <= fds + 2, 'no connection was leaked');

  // It still does its job.
  const halt = zonectl(root, ['halt', 'web']);
  assert.equal(halt.code, 0, halt.stderr);
  const boot = zonectl(root, ['boot', 'web']);
  assert.equal(boot.code, 0, boot.stderr);
});
