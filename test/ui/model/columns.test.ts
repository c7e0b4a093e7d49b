import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MARKER_COLS,
  cellText,
  chooseColumns,
} from '../../../components/model/columns.js';
import { Messages } from '../../../src/core/i18n.js';
import { zone } from '../helpers/memory-client.js';

const zones = [
  zone('web', {
    hostname: 'web.example.org',
    caps: { memory: '1G', cpu: 2, processes: 500 },
  }),
];

function used(width: number, lang: 'en' | 'ja') {
  const columns = chooseColumns(width, zones, new Messages(lang).t);
  const total =
    MARKER_COLS + columns.reduce((s, c) => s + c.width, 0) + columns.length - 1;

  return { ids: columns.map((c) => c.id), total };
}

test('at 80 columns every column fits, within the width', () => {
  const { ids, total } = used(80, 'en');

  assert.deepEqual(ids, [
    'name',
    'state',
    'brand',
    'uptime',
    'hostname',
    'caps',
  ]);
  assert.ok(total <= 80);
});

test('a narrow table keeps name and state, and drops columns rather than wrap', () => {
  for (const width of [20, 34, 50]) {
    for (const lang of ['en', 'ja'] as const) {
      const { ids, total } = used(width, lang);
      assert.deepEqual(ids.slice(0, 2), ['name', 'state']);
      assert.ok(total <= width, `${lang} at ${width}: ${total}`);
    }
  }
});

test('uptime reads in minutes, hours or days, and only for a running zone', () => {
  const t = new Messages('en').t;
  const now = Date.UTC(2025, 0, 2, 12, 0, 0);
  const up = (minutes: number) =>
    cellText(
      'uptime',
      zone('z', { state: 'running', bootedAt: now - minutes * 60_000 }),
      t,
      now,
    );

  assert.equal(up(5), '5m');
  assert.equal(up(125), '2h05m');
  assert.equal(up(3 * 1440 + 60), '3d01h');
  assert.equal(cellText('uptime', zone('z', { bootedAt: now }), t, now), '-');
});

test('caps read as memory, CPUs and processes, or a dash', () => {
  const t = new Messages('en').t;

  assert.equal(cellText('caps', zones[0]!, t, 0), 'mem 1G cpu 2 proc 500');
  assert.equal(cellText('caps', zone('z'), t, 0), '-');
});

test('a row with an operation in flight shows the operation instead of the state', () => {
  const t = new Messages('de').t;

  assert.equal(cellText('state', zone('z'), t, 0, 'boot'), 'startet…');
  assert.equal(cellText('state', zone('z'), t, 0), 'installiert');
});
