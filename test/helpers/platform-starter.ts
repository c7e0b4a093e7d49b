/**
 * A process that starts a zone and stays attached to its console, the way
 * a zoneadmd would, for tests that kill it. Arguments: the alternate root
 * and the zone. It prints one JSON line when the zone's shell waits on the
 * fifo /tmp/go inside the zone, then idles until it is killed.
 */
import { ZoneIndex } from '../../src/config/zone-index.js';
import { silentLogger } from '../../src/core/logger.js';
import { resolvePaths } from '../../src/core/paths.js';
import { createPlatform } from '../../src/platform/index.js';
import { ZoneConsole } from './zone-console.js';

const [root, zone] = process.argv.slice(2) as [string, string];
const paths = resolvePaths({ root });
const spec = { zone, config: new ZoneIndex(paths).get(zone).config, paths };
const platform = createPlatform({ logger: silentLogger });

await platform.ready(spec);
const console = new ZoneConsole(await platform.attach(spec));
const booted = await platform.boot(spec, []);
await console.prompt();

const shell = await console.run('echo $$');
await console.run('mkfifo /tmp/go /tmp/back');
console.type('read x < /tmp/go; echo "meanwhile: $x"; echo done > /tmp/back\r');

process.stdout.write(
  `${JSON.stringify({ ...booted, shellPid: Number(shell.output) })}\n`,
);
setInterval(() => {}, 1 << 30);
