/**
 * Everything the terminal UI shows, in one plain object. The views read it;
 * only the controller changes it. Texts are kept as keys or errors, never as
 * translated strings, so a language switch redraws every one of them.
 */
import type { MessageParams } from '../../src/core/errors/zone-error.js';
import type { Language } from '../../src/core/language.js';
import type { DoorCommand, ZoneView } from '../../src/client/types.js';
import { MIN_SIZE, type Size } from './layout.js';

/** Where the keyboard goes: the zone table, or the docked console. */
export type Focus = 'table' | 'console';

/** Where the docked console sits relative to the table. */
export type Orientation = 'below' | 'beside';

/** Anything that can run against a zone and show on its row meanwhile. */
export type Operation =
  DoorCommand | 'create' | 'install' | 'uninstall' | 'delete';

/** What removing a zone means in its current state. */
export type Removal = 'uninstall' | 'delete';

/**
 * Text for the operator: a key translated at render time, an error described
 * at render time, or a literal that arrived already translated (a daemon's
 * reply, a console notice).
 */
export type Text =
  | { key: string; params?: MessageParams }
  | { error: unknown }
  | { literal: string };

export type Tone = 'info' | 'ok' | 'error';

export interface Note {
  tone: Tone;
  text: Text;
  /** The zone it is about, shown before it when there is one. */
  zone?: string;
}

export const CREATE_FIELDS = [
  'name',
  'hostname',
  'memory-cap',
  'cpu-cap',
  'max-processes',
  'install',
] as const;

export type CreateField = (typeof CREATE_FIELDS)[number];

export interface CreateForm {
  field: number;
  values: Record<Exclude<CreateField, 'install'>, string>;
  install: boolean;
  error?: unknown;
  /** The zone is being created; keys wait. */
  busy?: boolean;
}

export type Dialog =
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'confirm'; command: DoorCommand; zone: string }
  | {
      kind: 'remove';
      removal: Removal;
      zone: string;
      typed: string;
      /** Enter was pressed on a name that is not the zone's. */
      mismatch?: boolean;
    }
  | { kind: 'create'; form: CreateForm }
  | { kind: 'language'; index: number };

export interface UiState {
  /** Every configured zone, as the client last pushed them. */
  zones: ZoneView[];
  /** False until the first list arrived, so "no zones" is not a guess. */
  loaded: boolean;
  /** The selected zone, by name, so it survives reordering. */
  selected?: string;
  filter: string;
  /** True while `/` is typing into the filter. */
  filtering: boolean;
  focus: Focus;
  orientation: Orientation;
  /** The zone whose console the pane shows. */
  docked?: string;
  dialog?: Dialog;
  note?: Note;
  /** Operations in flight, by zone. */
  pending: Record<string, Operation>;
  language: Language;
  /** The operator declined the first-run offer. */
  firstRunDeclined: boolean;
  /** The terminal's size, followed on every resize. */
  size: Size;
}

export function initialState(
  language: Language,
  orientation: Orientation = 'below',
  selected?: string,
): UiState {
  return {
    zones: [],
    loaded: false,
    selected,
    filter: '',
    filtering: false,
    focus: 'table',
    orientation,
    pending: {},
    language,
    firstRunDeclined: false,
    size: MIN_SIZE,
  };
}
