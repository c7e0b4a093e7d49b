import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { TestContext } from 'node:test';
import { ZoneIndex } from '../../src/config/zone-index.js';
import {
  createLogger,
  silentLogger,
  type Logger,
} from '../../src/core/logger.js';
import { resolvePaths, type Paths } from '../../src/core/paths.js';
import { readHierarchies } from '../../src/platform/cgroup/hierarchy.js';
import { existingCgroupDirs } from '../../src/platform/cgroup/zone-cgroup.js';
import {
  createPlatform,
  type PlatformOptions,
} from '../../src/platform/index.js';
import { zoneLayout } from '../../src/platform/layout.js';
import type { Platform, ZoneSpec } from '../../src/platform/types.js';
import { zonectl } from './cli.js';
import { processesOf } from './host-snapshot.js';
import { tempRoot } from './temp-root.js';

/** Log lines on stderr when ZONECTL_TEST_LOG names a level. */
export function testLogger(): Logger {
  const level = process.env.ZONECTL_TEST_LOG;

  return level === 'debug' || level === 'info'
    ? createLogger({ level })
    : silentLogger;
}

export interface TestRoot {
  readonly root: string;
  readonly paths: Paths;
  readonly platform: Platform;
  /** Configures and installs a zone with the real CLI; its spec. */
  zone(name: string, settings?: readonly string[]): ZoneSpec;
}

/**
 * A temporary root whose zones are halted, cleaned up and checked when the
 * test ends, before the root itself goes: no holder, no cgroup, no
 * namespace file and no mount may remain, even when the test failed half
 * way. Only this test's zones are touched, found by their own names.
 */
export function platformRoot(
  t: TestContext,
  options: Partial<PlatformOptions> = {},
): TestRoot {
  const specs: ZoneSpec[] = [];
  const platform = createPlatform({ logger: testLogger(), ...options });

  // Registered before tempRoot's own hook, so it runs first.
  t.after(async () => {
    for (const spec of specs) {
      await cleanUp(platform, spec);
    }
    for (const spec of specs) {
      assertNothingLeft(spec);
    }
  });

  const root = tempRoot(t);
  const paths = resolvePaths({ root });

  return {
    root,
    paths,
    platform,
    zone(name, settings = []) {
      for (const args of [
        ['create', name, ...settings],
        ['install', name],
      ]) {
        const result = zonectl(root, args);
        assert.equal(result.code, 0, result.stderr);
      }
      const spec = {
        zone: name,
        config: new ZoneIndex(paths).get(name).config,
        paths,
      };
      specs.push(spec);
      return spec;
    },
  };
}

async function cleanUp(platform: Platform, spec: ZoneSpec): Promise<void> {
  const probe = await platform.probe(spec);

  if (probe.state === 'mounted') {
    await platform.unmount(spec);
  } else if (probe.state !== 'installed') {
    await platform.cleanup(spec);
  }
}

/** Fails unless nothing of the zone's platform exists any more. */
export function assertNothingLeft(spec: ZoneSpec): void {
  const layout = zoneLayout(spec);

  assert.deepEqual(
    existingCgroupDirs(layout.cgroupName, readHierarchies()),
    [],
    'cgroups left behind',
  );
  assert.equal(fs.existsSync(layout.platformDir), false, 'platform files left');
  assert.equal(fs.existsSync(layout.socket), false, 'holder socket left');
  assert.deepEqual(
    processesOf(spec.paths.root as string),
    [],
    'processes left',
  );
}
