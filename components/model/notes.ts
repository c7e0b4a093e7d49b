/**
 * The notes the message line shows after an operation. A daemon's reply is
 * shown as it came (it is already in the language the request named); the
 * UI's own words are keys, translated when drawn.
 */
import { ref, type MessageParams } from '../../src/core/errors/zone-error.js';
import type { DoorCommand, Reply } from '../../src/client/types.js';
import type { Note, Operation } from './ui-state.js';

export function replyNote(
  reply: Reply,
  command: DoorCommand,
  zone: string,
): Note {
  const tone = reply.ok ? 'ok' : 'error';
  const text = reply.messages.join(' ').trim();

  if (text !== '') {
    return { tone, text: { literal: text }, zone };
  }

  // A reply with nothing to say still says whether it worked.
  return reply.ok
    ? {
        tone,
        zone,
        text: {
          key: 'ui:result.done',
          params: { command: ref(`ui:command.${command}`), zone },
        },
      }
    : {
        tone,
        zone,
        text: {
          key: 'ui:result.failed',
          params: {
            command: ref(`ui:command.${command}`),
            zone,
            exit: reply.exit,
          },
        },
      };
}

export function errorNote(error: unknown, zone?: string): Note {
  return { tone: 'error', text: { error }, zone };
}

/** Success of an administrative operation. */
export function doneNote(operation: Operation, zone: string): Note {
  return {
    tone: 'ok',
    zone,
    text: { key: `ui:result.${operation}`, params: { zone } },
  };
}

export function infoNote(key: string, params?: MessageParams): Note {
  return { tone: 'info', text: { key, params } };
}
