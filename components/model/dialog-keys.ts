/**
 * What keys do inside the dialogs that take typing: the filter, the name
 * asked before a removal, and the create form. Pure functions, so that the
 * editing rules are tested without drawing anything.
 */
import type { KeyPress } from './keys.js';
import { CREATE_FIELDS, type CreateForm } from './ui-state.js';

// Zone names stop at 64 characters; no field of the form needs more than
// a path's worth.
const MAX_FIELD_CHARS = 256;

/** The edited value, or undefined when the key does not edit text. */
export function editText(value: string, press: KeyPress): string | undefined {
  if (press.name === 'backspace') {
    return [...value].slice(0, -1).join('');
  }
  if (press.name === 'ctrl-u') {
    return '';
  }
  if (press.text !== '') {
    return (value + press.text).slice(0, MAX_FIELD_CHARS);
  }

  return undefined;
}

export type FormOutcome =
  | { kind: 'edit'; form: CreateForm }
  | { kind: 'submit'; form: CreateForm }
  | { kind: 'cancel' };

export function emptyForm(): CreateForm {
  return {
    field: 0,
    values: {
      name: '',
      hostname: '',
      'memory-cap': '',
      'cpu-cap': '',
      'max-processes': '',
    },
    install: true,
  };
}

export function createFormKey(form: CreateForm, press: KeyPress): FormOutcome {
  const count = CREATE_FIELDS.length;
  const field = CREATE_FIELDS[form.field] ?? 'name';

  switch (press.name) {
    case 'escape':
      return { kind: 'cancel' };
    case 'enter':
      return { kind: 'submit', form };
    case 'tab':
    case 'down':
      return {
        kind: 'edit',
        form: { ...form, field: (form.field + 1) % count },
      };
    case 'shift-tab':
    case 'up':
      return {
        kind: 'edit',
        form: { ...form, field: (form.field + count - 1) % count },
      };
  }

  if (field === 'install') {
    return press.name === 'space'
      ? { kind: 'edit', form: { ...form, install: !form.install } }
      : { kind: 'edit', form };
  }

  // A space is typed like any character: a name with one in it gets the
  // same clear error as any other bad name, rather than being changed.
  const edited = editText(form.values[field], press);

  return edited === undefined
    ? { kind: 'edit', form }
    : {
        kind: 'edit',
        form: {
          ...form,
          values: { ...form.values, [field]: edited },
          error: undefined,
        },
      };
}

/** The form's settings as the `key=value` words `create` takes. */
export function formWords(form: CreateForm): string[] {
  return CREATE_FIELDS.flatMap((field) => {
    if (field === 'name' || field === 'install') {
      return [];
    }

    const value = form.values[field].trim();
    return value === '' ? [] : [`${field}=${value}`];
  });
}
