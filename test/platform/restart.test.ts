import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { zoneLayout } from '../../src/platform/layout.js';
import type { Probe } from '../../src/platform/types.js';
import { ZoneConsole } from '../helpers/zone-console.js';
import { platformRoot } from '../helpers/zones.js';

const STARTER = fileURLToPath(
  new URL('../helpers/platform-starter.js', import.meta.url),
);

test(
  'SIGKILL of the process that started a zone changes nothing, and a new one reattaches',
  { timeout: 60_000 },
  async (t) => {
    const host = platformRoot(t);
    const spec = host.zone('survivor');
    const root = zoneLayout(spec).root;

    const starter = spawn(process.execPath, [STARTER, host.root, 'survivor'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(() => starter.kill('SIGKILL'));
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      starter.stdout.setEncoding('utf8').on('data', (d: string) => {
        text += d;
        if (text.includes('\n')) {
          resolve(text.trim());
        }
      });
      starter.on('exit', () => reject(new Error('the starter ended early')));
    });
    const started = JSON.parse(line) as Probe & { shellPid: number };

    starter.kill('SIGKILL');
    await new Promise((resolve) => starter.once('exit', resolve));

    // With nobody attached, the zone's shell is woken up and writes.
    await fs.writeFile(path.join(root, 'tmp/go'), 'hello\n');
    assert.equal(
      await fs.readFile(path.join(root, 'tmp/back'), 'utf8'),
      'done\n',
    );

    const probe = await host.platform.probe(spec);
    assert.equal(probe.state, 'running');
    assert.equal(probe.initPid, started.initPid);
    assert.equal(probe.holderPid, started.holderPid);
    assert.equal(probe.generation, started.generation);

    const zone = new ZoneConsole(await host.platform.attach(spec));
    t.after(() => zone.link.close());
    await zone.waitFor(/meanwhile: hello/);
    assert.match(zone.link.backlog.toString(), /read x < \/tmp\/go/);

    const shell = await zone.run('echo $$');
    assert.equal(Number(shell.output), started.shellPid);
  },
);
