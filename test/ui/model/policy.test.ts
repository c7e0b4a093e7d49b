import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confirmationFor,
  removalFor,
} from '../../../components/model/policy.js';
import { ZONE_STATES } from '../../../src/core/states.js';

test('halt, reboot and unmount always ask; boot and mount never do', () => {
  for (const state of ZONE_STATES) {
    assert.equal(confirmationFor('halt', state), 'yes-no');
    assert.equal(confirmationFor('reboot', state), 'yes-no');
    assert.equal(confirmationFor('unmount', state), 'yes-no');
    assert.equal(confirmationFor('boot', state), 'none');
    assert.equal(confirmationFor('mount', state), 'none');
  }
});

test('ready asks only when it would stop a running zone', () => {
  assert.equal(confirmationFor('ready', 'running'), 'yes-no');
  assert.equal(confirmationFor('ready', 'installed'), 'none');
});

test('x deletes a configuration, uninstalls files, and refuses an active zone', () => {
  assert.equal(removalFor('configured'), 'delete');
  assert.equal(removalFor('installed'), 'uninstall');
  assert.equal(removalFor('incomplete'), 'uninstall');
  for (const state of [
    'ready',
    'mounted',
    'running',
    'shutting_down',
    'down',
  ] as const) {
    assert.equal(removalFor(state), undefined, state);
  }
});
