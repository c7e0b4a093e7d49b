import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { ZoneConsole } from '../helpers/zone-console.js';
import { platformRoot } from '../helpers/zones.js';

/** A zone booted with its console attached, and its shell's prompt shown. */
async function bootedZone(
  t: import('node:test').TestContext,
  settings: string[] = [],
) {
  const host = platformRoot(t);
  const spec = host.zone('web', settings);

  await host.platform.ready(spec);
  const link = await host.platform.attach(spec);
  t.after(() => link.close());
  const zone = new ZoneConsole(link);
  const probe = await host.platform.boot(spec, []);
  await zone.prompt();

  return { host, spec, zone, probe };
}

test('inside a booted zone, init is pid 1 of its own PID namespace', async (t) => {
  const { zone, probe } = await bootedZone(t);

  const inside = await zone.run('tr "\\0" " " < /proc/1/cmdline');
  assert.equal(inside.output.trim(), '/bin/sh /run/zonectl-brand/init');

  const status = fs.readFileSync(`/proc/${probe.initPid}/status`, 'utf8');
  const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/);
  assert.deepEqual(nspid, [String(probe.initPid), '1']);
});

test('inside a booted zone, the hostname is the zone name', async (t) => {
  const { zone } = await bootedZone(t);

  const result = await zone.run('hostname; cat /proc/sys/kernel/hostname');

  assert.equal(result.output, 'web\nweb\n');
});

test('inside a booted zone, /usr is the host /usr and read-only', async (t) => {
  const { zone } = await bootedZone(t);

  const write = await zone.run('touch /usr/zonectl-was-here');
  const read = await zone.run('test -x /usr/bin/env && echo host-usr');

  assert.notEqual(write.status, 0);
  assert.match(write.output, /Read-only file system/);
  assert.equal(read.output, 'host-usr\n');
  assert.equal(fs.existsSync('/usr/zonectl-was-here'), false);
});

test('inside a booted zone, /proc shows only the zone own processes', async (t) => {
  const { zone } = await bootedZone(t);

  const result = await zone.run(
    'for p in /proc/[0-9]*; do echo "${p#/proc/} $(cat $p/comm)"; done',
  );
  const processes = result.output
    .trim()
    .split('\n')
    .map((line) => line.split(' '));

  // init, the console shell, and the shell's own children for the loop.
  assert.deepEqual(processes[0], ['1', 'init']);
  assert.ok(processes.length <= 5, result.output);
  for (const [, comm] of processes) {
    assert.ok(['init', 'bash', 'cat'].includes(comm ?? ''), result.output);
  }
});

test('a zone sees its own /dev with a working pty and the configured fs', async (t) => {
  const host = platformRoot(t);
  const data = fs.mkdtempSync(`${host.root}/data-`);
  fs.writeFileSync(`${data}/hello`, 'from the host\n');
  const spec = host.zone('web', [`fs=/srv/data:${data}:ro`]);

  await host.platform.ready(spec);
  const link = await host.platform.attach(spec);
  t.after(() => link.close());
  const zone = new ZoneConsole(link);
  await host.platform.boot(spec, []);
  await zone.prompt();

  const devices = await zone.run('ls /dev | tr "\\n" " "');
  const shared = await zone.run('cat /srv/data/hello; touch /srv/data/x');
  const pty = await zone.run('script -qc "tty" /dev/null');

  assert.equal(
    devices.output.trim(),
    'fd full null ptmx pts random shm stderr stdin stdout tty urandom zero',
  );
  assert.match(shared.output, /^from the host\n.*Read-only file system/s);
  assert.match(pty.output, /^\/dev\/pts\/0/);
});
