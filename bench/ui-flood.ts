/**
 * The keyboard during a console flood: one zone's docked console prints as
 * fast as it can (`yes`), while keys move the table's selection. Measures
 * the time from each key to the selection moving on screen, the UI's CPU
 * and the frames it draws per second (each frame is one synchronized
 * update, ESC[?2026h, on the terminal).
 *
 *   node dist/bench/ui-flood.js [--memory|--real] [KEYS]
 */
import { availableMode, fullFrame, launchUi, sleep } from './helpers/launch.js';
import { ms, stats } from './helpers/pty-screen.js';
import {
  prepareRunningZones,
  releaseZones,
  zoneName,
} from './helpers/real-zones.js';

const mode = availableMode(
  process.argv.find((a) => a.startsWith('--'))?.slice(2),
);
const keys = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const root = mode === 'real' ? prepareRunningZones(3) : undefined;
const screen = launchUi({ mode, root, zones: 3, running: 3 });

// A frame begins with the synchronized-update mark.
let frames = 0;
screen.proc.onData((data) => {
  frames += data.split('\u001b[?2026h').length - 1;
});

const selected = (zone: string) => (text: string) =>
  text.split('\n').some((line) => line.startsWith(`> ${zone}`));

try {
  await screen.until(fullFrame);
  // The first frame may come before every daemon has answered.
  await screen.until((s) => s.includes('running: 3'));

  // Dock the first zone's console and start the flood in it.
  screen.write('\r');
  await screen.until((s) => s.includes('keys go to the zone'));
  screen.write('yes\r');
  await screen.until((s) => /^y\s*$/m.test(s));
  screen.write('\u001d');
  await screen.until((s) => s.includes('Tab gives it the keyboard'));
  await sleep(1000);

  const cpu0 = screen.cpuSeconds();
  const frames0 = frames;
  const start = performance.now();
  const samples: number[] = [];

  for (let i = 0; i < keys; i++) {
    const down = i % 2 === 0;
    const sent = performance.now();
    screen.write(down ? 'j' : 'k');
    const at = await screen.until(selected(zoneName(down ? 1 : 0)));
    samples.push(at - sent);
  }

  const wall = (performance.now() - start) / 1000;
  const cpu = screen.cpuSeconds() - cpu0;
  const fps = (frames - frames0) / wall;

  // Stop the flood: back into the console, Ctrl-C.
  screen.write('\t');
  await screen.until((s) => s.includes('keys go to the zone'));
  screen.write('\u0003');

  const s = stats(samples);
  console.log(
    `ui keypress to screen during a console flood, ${mode}: median ${ms(s.median)}, ` +
      `p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.n}); ` +
      `UI CPU ${((100 * cpu) / wall).toFixed(0)} % ` +
      `of a core; ${fps.toFixed(1)} frames/s`,
  );
} finally {
  screen.kill();
  if (root) {
    releaseZones(root);
  }
}
