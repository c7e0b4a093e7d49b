import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noteLine } from '../../../components/model/text.js';
import { ref } from '../../../src/core/errors/zone-error.js';
import { uiErrors } from '../../../src/core/errors/ui.js';
import { Messages } from '../../../src/core/i18n.js';

test('a note kept as a key reads in whatever language is current when drawn', () => {
  const messages = new Messages('en');
  const note = {
    tone: 'info' as const,
    text: {
      key: 'ui:result.done',
      params: { zone: 'web', command: ref('ui:command.boot') },
    },
  };

  assert.equal(noteLine(note, messages.t), 'boot of web: done.');
  messages.use('de');
  assert.equal(noteLine(note, messages.t), 'Starten von web: erledigt.');
});

test('an error reads in the current language, its state included', () => {
  const messages = new Messages('fr');
  const note = {
    tone: 'error' as const,
    text: { error: uiErrors.zoneActive('web', 'running') },
  };

  assert.equal(
    noteLine(note, messages.t),
    'La zone web est en marche. Arrêtez-la avant de la supprimer.',
  );
});

test("a daemon's reply is shown as it came, on one line, after the zone's name", () => {
  const messages = new Messages('ja');
  const note = {
    tone: 'ok' as const,
    zone: 'web',
    text: { literal: 'zone web booted\n  in 0.4 s' },
  };

  assert.equal(noteLine(note, messages.t), 'web: zone web booted in 0.4 s');
});
