/**
 * Console clients for tests against real zones: a zone booted under its own
 * root, `zonectl console` on a real pty, and a session through the client
 * library that records everything it is sent. Each ends with the test.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { ConsoleSession } from '../../src/client/types.js';
import { createZoneClient } from '../../src/client/zone-client.js';
import type { Language } from '../../src/core/language.js';
import { zonectl } from './cli.js';
import { installZone, pathsOf, zoneRoot } from './daemons.js';
import { PtySession } from './pty.js';
import { Until } from './until.js';

/** A zone booted under a fresh root, its shell waiting on the console. */
export function bootedZone(t: TestContext, zone = 'con'): string {
  const root = zoneRoot(t);
  installZone(root, zone);
  const booted = zonectl(root, ['boot', zone]);
  assert.equal(booted.code, 0, booted.stderr);

  return root;
}

/** `zonectl console` on a real terminal, ended with the test. */
export function consoleClient(
  t: TestContext,
  root: string,
  zone: string,
  ...flags: string[]
): PtySession {
  const session = new PtySession(['--root', root, 'console', ...flags, zone]);
  t.after(() => session.kill());

  return session;
}

/** Types a command and waits until its output shows on this client. */
export async function run(
  client: PtySession,
  command: string,
  shows: RegExp,
): Promise<void> {
  client.write(`${command}\r`);
  await client.expect(shows);
}

/** A console session through the client library, recording everything. */
export async function library(
  t: TestContext,
  root: string,
  zone: string,
  locale: Language = 'en',
  readOnly = false,
) {
  const until = new Until();
  const client = createZoneClient({ paths: pathsOf(root), language: locale });
  const session: ConsoleSession = await client.console(zone, {
    locale,
    readOnly,
    cols: 100,
    rows: 30,
  });
  const seen = { bytes: 0, text: '', notices: [] as string[], closed: false };

  session.onData((chunk) => {
    seen.bytes += chunk.length;
    // The end is enough to find markers in; a flood must not grow memory.
    seen.text = (seen.text + chunk.toString('utf8')).slice(-64 * 1024);
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
