/**
 * Drives a zone through the platform as whatever user runs it, for the
 * rootless test, which starts it as an unprivileged user. Arguments: the
 * alternate root and the zone. Prints one JSON object with what it saw.
 */
import fs from 'node:fs';
import { ZoneIndex } from '../../src/config/zone-index.js';
import { silentLogger } from '../../src/core/logger.js';
import { resolvePaths } from '../../src/core/paths.js';
import { createPlatform } from '../../src/platform/index.js';
import { ZoneConsole } from './zone-console.js';

const [root, zone] = process.argv.slice(2) as [string, string];
const paths = resolvePaths({ root });
const spec = { zone, config: new ZoneIndex(paths).get(zone).config, paths };
const platform = createPlatform({ logger: silentLogger });
const seen: Record<string, unknown> = { uid: process.getuid?.() };

try {
  seen.ready = await platform.ready(spec);
  const console = new ZoneConsole(await platform.attach(spec));
  const booted = await platform.boot(spec, []);
  seen.booted = booted;
  seen.initUid = fs.statSync(`/proc/${booted.initPid}`).uid;
  await console.prompt();

  for (const [name, command] of Object.entries({
    id: 'id -u',
    hostname: 'hostname',
    init: 'tr "\\0" " " < /proc/1/cmdline',
    usr: 'touch /usr/zonectl-was-here',
    processes: 'ls -d /proc/[0-9]* | wc -l',
  })) {
    seen[name] = await console.run(command);
  }

  seen.halted = await platform.halt(spec);
  seen.mount = await platform.mount(spec).catch((error) => error.code);
  seen.after = await platform.probe(spec);
} catch (error) {
  seen.error =
    error instanceof Error ? { ...error, message: error.message } : error;
  await platform.cleanup(spec).catch(() => {});
}

process.stdout.write(`${JSON.stringify(seen)}\n`);
