/**
 * From a zone's state change to its row changing on screen.
 *
 * --memory: in process, from the client pushing the change to Ink writing
 * the frame that shows it: the UI's own share of the latency.
 * --real: the real `zonectl` on a pty against a real zone, booted and
 * halted from the command line; each event's timestamp (from `zonectl
 * events --json`) is compared with the moment the row shows its new state.
 *
 *   node dist/bench/ui-row-latency.js [--memory|--real] [CHANGES]
 */
import './helpers/production.js';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { render } from 'ink';
import { App } from '../components/App.js';
import { Controller } from '../components/model/controller.js';
import { Messages } from '../src/core/i18n.js';
import { silentLogger } from '../src/core/logger.js';
import { memoryAdmin } from '../test/ui/helpers/memory-admin.js';
import { MemoryClient, zone } from '../test/ui/helpers/memory-client.js';
import { memoryPrefs } from '../test/ui/helpers/render-ui.js';
import { FrameSink, SilentStdin } from './helpers/fake-tty.js';
import { availableMode, fullFrame, launchUi } from './helpers/launch.js';
import { ms, stats } from './helpers/pty-screen.js';
import {
  prepareRunningZones,
  releaseZones,
  zoneName,
} from './helpers/real-zones.js';

const mode = availableMode(
  process.argv.find((a) => a.startsWith('--'))?.slice(2),
);
const changes = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
// Longer than a frame interval, so each change meets an idle renderer.
const SPACING_MS = 50;
// eslint-disable-next-line no-control-regex -- escapes are what it removes
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

const rowShows = (text: string, name: string, state: string) =>
  text
    .replace(ANSI, '')
    .split('\n')
    .some(
      (line) =>
        line.slice(2).startsWith(`${name} `) && line.includes(` ${state} `),
    );

async function memory(): Promise<number[]> {
  const zones = Array.from({ length: 10 }, (_, i) => zone(zoneName(i)));
  const client = new MemoryClient(zones);
  const stdout = new FrameSink();
  const controller = new Controller({
    client,
    admin: memoryAdmin(client),
    messages: new Messages('en'),
    prefs: memoryPrefs(),
    logger: silentLogger,
    host: { quit: () => {}, fullscreen: async () => {} },
  });
  controller.resize({ cols: stdout.columns, rows: stdout.rows });
  controller.start();
  const app = render(<App controller={controller} />, {
    stdout: stdout as never,
    stdin: new SilentStdin() as never,
    exitOnCtrlC: false,
    patchConsole: false,
  });

  const samples: number[] = [];
  const target = zoneName(4);
  for (let i = 0; i < changes; i++) {
    // Changes come apart, as zones change in life; back to back, each would
    // wait for the previous frame's slot (Ink draws at most 30 a second).
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS));

    const state = i % 2 === 0 ? 'running' : 'installed';
    // Ink's render timers do not keep a process alive; this one does, and
    // fails the run if the frame never comes.
    let guard: NodeJS.Timeout | undefined;
    const shown = new Promise<number>((resolve, reject) => {
      guard = setTimeout(
        () => reject(new Error('the row never changed')),
        10_000,
      );
      stdout.onFrame = (text) => {
        if (rowShows(text, target, state)) {
          clearTimeout(guard);
          resolve(performance.now());
        }
      };
    });
    const start = performance.now();
    client.put(zone(target, { state, bootedAt: Date.now() }));
    samples.push((await shown) - start);
  }

  app.unmount();
  await controller.stop();

  return samples;
}

async function real(): Promise<number[]> {
  const root = prepareRunningZones(1);
  const zonectl = fileURLToPath(new URL('../../bin/zonectl', import.meta.url));
  const screen = launchUi({ mode: 'real', root });
  const events = spawn(process.execPath, [
    zonectl,
    '--root',
    root,
    '--json',
    'events',
  ]);
  const samples: number[] = [];

  try {
    await screen.until(fullFrame);
    const lines = readline.createInterface({ input: events.stdout });
    const run = (...args: string[]) =>
      new Promise((resolve) =>
        spawn(process.execPath, [zonectl, '--root', root, '--yes', ...args]).on(
          'exit',
          resolve,
        ),
      );

    const pending: Promise<void>[] = [];
    lines.on('line', (line) => {
      const event = JSON.parse(line) as {
        zone?: string;
        to?: string;
        time?: string;
      };
      if (event.zone !== zoneName(0) || !event.to || !event.time) {
        return;
      }
      const label = event.to.replace('_', ' ');
      const at = Date.parse(event.time);
      pending.push(
        screen
          .until((text) => rowShows(text, zoneName(0), label))
          .then((seen) => {
            samples.push(performance.timeOrigin + seen - at);
          }),
      );
    });

    for (let i = 0; i < changes / 2; i++) {
      await run('halt', zoneName(0));
      await run('boot', zoneName(0));
    }
    await Promise.all(pending);
  } finally {
    events.kill();
    screen.kill();
    releaseZones(root);
  }

  return samples;
}

const samples = mode === 'real' ? await real() : await memory();
const s = stats(samples);
console.log(
  `ui state change to row on screen, ${mode}: median ${ms(s.median)}, ` +
    `p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.n})`,
);
