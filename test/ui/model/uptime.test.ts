import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  msUntilNextMinute,
  uptimeParts,
} from '../../../components/model/uptime.js';

test('uptime counts whole wall-clock minutes, so every zone ticks together', () => {
  const minute = 60_000;

  assert.deepEqual(uptimeParts(10 * minute + 59_000, 11 * minute), {
    days: 0,
    hours: 0,
    minutes: 1,
  });
  assert.deepEqual(uptimeParts(0, (26 * 60 + 7) * minute), {
    days: 1,
    hours: 2,
    minutes: 7,
  });
});

test('the next redraw is due at the next minute boundary', () => {
  assert.equal(msUntilNextMinute(120_000), 60_000);
  assert.equal(msUntilNextMinute(120_001), 59_999);
});
