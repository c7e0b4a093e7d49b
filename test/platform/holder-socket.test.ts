import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { readHierarchies } from '../../src/platform/cgroup/hierarchy.js';
import { existingCgroupDirs } from '../../src/platform/cgroup/zone-cgroup.js';
import { zoneLayout } from '../../src/platform/layout.js';
import type { ZoneSpec } from '../../src/platform/types.js';
import {
  FrameReader,
  parseControl,
} from '../../src/platform/protocol/frames.js';
import { ZoneConsole } from '../helpers/zone-console.js';
import { platformRoot } from '../helpers/zones.js';

/** Sends raw bytes to the holder; the replies it got before it was cut off. */
function sendRaw(socketPath: string, bytes: Buffer): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath, () => socket.write(bytes));
    const reader = new FrameReader();
    const replies: unknown[] = [];
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        replies.push(parseControl(frame.payload));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(replies));
  });
}

function control(message: object): Buffer {
  const json = Buffer.from(JSON.stringify(message));
  const header = Buffer.alloc(5);
  header.writeUInt8(2, 0);
  header.writeUInt32BE(json.length, 1);
  return Buffer.concat([header, json]);
}

test('malformed messages on the holder socket get an error and change nothing', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  const socket = zoneLayout(spec).socket;
  await host.platform.ready(spec);
  const booted = await host.platform.boot(spec, []);

  const cases: [string, Buffer][] = [
    ['garbage', Buffer.from('GET / HTTP/1.0\r\n\r\n')],
    ['oversized', Buffer.from([2, 0xff, 0xff, 0xff, 0xff])],
    [
      'not JSON',
      Buffer.concat([Buffer.from([2, 0, 0, 0, 3]), Buffer.from('{{{')]),
    ],
    ['no hello first', control({ op: 'halt' })],
    [
      'unknown op',
      Buffer.concat([
        control({ op: 'hello', version: 1, mode: 'control' }),
        control({ op: 'format-disk' }),
      ]),
    ],
    ['wrong version', control({ op: 'hello', version: 99, mode: 'console' })],
  ];

  for (const [name, bytes] of cases) {
    const replies = await sendRaw(socket, bytes);
    const last = replies.at(-1) as { op: string; error: { code: string } };
    assert.equal(last.op, 'failed', name);
    assert.equal(last.error.code, 'badFrame', name);
  }

  const after = await host.platform.probe(spec);
  assert.equal(after.state, 'running');
  assert.equal(after.initPid, booted.initPid);
});

test('console input reaches the zone and resizing reaches its terminal', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  await host.platform.ready(spec);
  const zone = new ZoneConsole(await host.platform.attach(spec));
  t.after(() => zone.link.close());
  await host.platform.boot(spec, []);
  await zone.prompt();

  zone.link.resize(132, 43);
  const size = await zone.run('stty size');

  assert.equal(size.output, '43 132\n');
});

test('a paused console holds the zone output back until resumed, losing nothing', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  await host.platform.ready(spec);
  const zone = new ZoneConsole(await host.platform.attach(spec));
  t.after(() => zone.link.close());
  await host.platform.boot(spec, []);
  await zone.prompt();

  zone.link.pause();
  const from = zone.text.length;
  zone.type('seq 1 200000; echo __E""ND\r');

  // Nobody reads the pty, so seq fills it and waits inside the tty layer.
  const blocked = await waitForBlockedWriter(spec, 'seq');
  zone.link.resume();
  await zone.waitFor(/199999\r\n200000\r\n__END/, from);

  assert.match(blocked, /tty_write/);
  const numbers = zone.text.slice(from).match(/^\d+\r$/gm) ?? [];
  assert.equal(numbers.length, 200000);
});

/** The kernel stack of a zone process `comm` once it waits to write to a tty. */
async function waitForBlockedWriter(
  spec: ZoneSpec,
  comm: string,
): Promise<string> {
  const dirs = existingCgroupDirs(
    zoneLayout(spec).cgroupName,
    readHierarchies(),
  );
  const procs = path.join(dirs[0] as string, 'cgroup.procs');

  for (let i = 0; i < 1000; i++) {
    for (const pid of fs
      .readFileSync(procs, 'utf8')
      .split('\n')
      .filter(Boolean)) {
      const read = (file: string) => {
        try {
          return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8').trim();
        } catch {
          return '';
        }
      };
      if (read('comm') === comm && /tty_write/.test(read('stack'))) {
        return read('stack');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  return assert.fail(`${comm} never waited on the console`);
}
