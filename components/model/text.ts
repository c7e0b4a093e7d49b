/** Renders a note's text in the current language, at the moment it is drawn. */
import { describe, localizeParams } from '../../src/core/describe.js';
import type { TFunction } from '../../src/core/i18n.js';
import type { Note, Text } from './ui-state.js';

export function textOf(text: Text, t: TFunction): string {
  if ('literal' in text) {
    return text.literal;
  }
  if ('error' in text) {
    return describe(text.error, t);
  }

  return t(text.key, localizeParams(text.params ?? {}, t));
}

/**
 * A note as one line. A daemon's own words may not name the zone, so they
 * are prefixed with it; the UI's messages name it themselves.
 */
export function noteLine(note: Note, t: TFunction): string {
  // The message area is one line high.
  const text = textOf(note.text, t).replace(/\s*\n\s*/g, ' ');

  return note.zone && 'literal' in note.text ? `${note.zone}: ${text}` : text;
}
