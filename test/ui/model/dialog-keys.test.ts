import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createFormKey,
  editText,
  emptyForm,
  formWords,
} from '../../../components/model/dialog-keys.js';

const key = (name: string, text = '') => ({ name, text });

test('typing appends, Backspace removes one character, Ctrl-U clears', () => {
  assert.equal(editText('we', key('b', 'b')), 'web');
  assert.equal(editText('日本', key('backspace')), '日');
  assert.equal(editText('web', key('ctrl-u')), '');
  assert.equal(editText('web', key('up')), undefined);
});

test('Tab and the arrows cycle through the form', () => {
  let form = emptyForm();
  const step = (name: string) => {
    const out = createFormKey(form, key(name));
    assert.equal(out.kind, 'edit');
    form = out.kind === 'edit' ? out.form : form;
  };

  step('tab');
  assert.equal(form.field, 1);
  step('up');
  step('up');
  assert.equal(form.field, 5, 'up from the first field wraps to the last');
});

test('Space toggles installing, and only on that field', () => {
  const form = { ...emptyForm(), field: 5 };
  const out = createFormKey(form, key('space', ' '));

  assert.equal(out.kind === 'edit' && out.form.install, false);
});

test('the filled fields become key=value words, trimmed', () => {
  const form = emptyForm();
  form.values.name = 'web';
  form.values['cpu-cap'] = ' 0.5 ';
  form.values.hostname = 'www';

  assert.deepEqual(formWords(form), ['hostname=www', 'cpu-cap=0.5']);
});

test('Enter submits and Esc cancels', () => {
  assert.equal(createFormKey(emptyForm(), key('enter')).kind, 'submit');
  assert.equal(createFormKey(emptyForm(), key('escape')).kind, 'cancel');
});
