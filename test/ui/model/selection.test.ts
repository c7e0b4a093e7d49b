import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  moveSelection,
  selectedZone,
  visibleZones,
} from '../../../components/model/selection.js';
import { initialState } from '../../../components/model/ui-state.js';
import { zone } from '../helpers/memory-client.js';

const state = (patch = {}) => ({
  ...initialState('en'),
  zones: [zone('web'), zone('db', { hostname: 'sql.lan' }), zone('api')],
  ...patch,
});

test('rows are sorted by name', () => {
  assert.deepEqual(
    visibleZones(state()).map((z) => z.name),
    ['api', 'db', 'web'],
  );
});

test('the filter matches name, host name, state and brand, ignoring case', () => {
  const shown = (filter: string) =>
    visibleZones(state({ filter })).map((z) => z.name);

  assert.deepEqual(shown('WE'), ['web']);
  assert.deepEqual(shown('sql'), ['db']);
  assert.deepEqual(shown('installed'), ['api', 'db', 'web']);
  assert.deepEqual(shown('nothing'), []);
});

test('with nothing selected, the first row is', () => {
  assert.equal(selectedZone(state())?.name, 'api');
});

test('a selected zone that went away hands the selection to its successor', () => {
  assert.equal(selectedZone(state({ selected: 'cache' }))?.name, 'db');
  assert.equal(selectedZone(state({ selected: 'zzz' }))?.name, 'web');
});

test('moving stops at either end of the table', () => {
  assert.equal(moveSelection(state({ selected: 'api' }), -1), 'api');
  assert.equal(moveSelection(state({ selected: 'api' }), 10), 'web');
  assert.equal(moveSelection(state({ selected: 'db' }), 1), 'web');
});
