/**
 * What the UI costs while nothing happens: 10 running zones, each with its
 * console attached in the background, then 60 seconds without a key. An
 * idle UI should use no CPU, write nothing to the terminal and hardly wake.
 *
 *   node dist/bench/ui-idle.js [--memory|--real] [SECONDS]
 */
import fs from 'node:fs';
import { availableMode, fullFrame, launchUi, sleep } from './helpers/launch.js';
import { prepareRunningZones, releaseZones } from './helpers/real-zones.js';
import type { PtyScreen } from './helpers/pty-screen.js';

const RUNNING = 10;
const mode = availableMode(
  process.argv.find((a) => a.startsWith('--'))?.slice(2),
);
const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 60);
const root = mode === 'real' ? prepareRunningZones(RUNNING) : undefined;

/** Context switches of the UI's main thread: each one is a wake-up. */
function wakeups(screen: PtyScreen): number {
  const status = fs.readFileSync(`/proc/${screen.proc.pid}/status`, 'utf8');
  const count = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);

  return count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
}

const screen = launchUi({ mode, root, zones: RUNNING, running: RUNNING });

try {
  await screen.until(fullFrame);
  // The first frame may come before every daemon has answered.
  await screen.until((s) => s.includes(`running: ${RUNNING}`));

  // Attach every zone's console, then give the keyboard back to the table.
  for (let i = 0; i < RUNNING; i++) {
    screen.write('\r');
    await screen.until((s) => s.includes('keys go to the zone'));
    screen.write('\u001d');
    await screen.until((s) => s.includes('Tab gives it the keyboard'));
    screen.write('j');
  }
  screen.write('\u001b');
  await sleep(2000);

  const cpu0 = screen.cpuSeconds();
  const bytes0 = screen.bytes;
  const wake0 = wakeups(screen);
  await sleep(seconds * 1000);
  const cpu = screen.cpuSeconds() - cpu0;
  const bytes = screen.bytes - bytes0;
  const wake = wakeups(screen) - wake0;

  console.log(
    `ui idle ${seconds} s, ${RUNNING} running zones with consoles attached, ${mode}: ` +
      `CPU ${cpu.toFixed(2)} s (${((100 * cpu) / seconds).toFixed(2)} % of a core), ` +
      `${bytes} bytes to the terminal, ${wake} main-thread wake-ups`,
  );
} finally {
  screen.kill();
  if (root) {
    releaseZones(root);
  }
}
