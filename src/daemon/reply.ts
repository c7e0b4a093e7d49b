/**
 * What came of a request, put into the caller's words: success or not, the
 * exit status a command line should end with, and the messages a person
 * reads, already translated into the language the request named.
 */
import { describe } from '../core/describe.js';
import { isZoneError } from '../core/errors/zone-error.js';
import type { TFunction } from '../core/i18n.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import type {
  ReplyCode,
  ReplyMessage,
  RequestMessage,
} from '../protocol/messages.js';
import type { Outcome } from './outcome.js';

const REPLY_CODES: Record<Outcome['result'], ReplyCode | undefined> = {
  ok: undefined,
  already: undefined,
  invalid: 'invalid',
  failed: 'failed',
  refused: 'goingAway',
};

export function replyFor(
  message: RequestMessage,
  outcome: Outcome,
  zone: string,
  t: TFunction,
): ReplyMessage {
  const reply: ReplyMessage = {
    v: PROTOCOL_VERSION,
    type: 'reply',
    seq: message.seq,
    ok: outcome.ok,
    exit: 0,
    messages: [],
    state: outcome.state,
  };

  // Every answered transition says what became of the zone;
  // note_uninstalling is zonectl's own and says nothing.
  if (outcome.already) {
    reply.messages.push(t(`daemon:already.${outcome.already}`, { zone }));
  } else if (outcome.ok && message.command !== 'note_uninstalling') {
    reply.messages.push(t(`daemon:done.${message.command}`, { zone }));
  }
  if (!outcome.ok) {
    reply.messages.push(describe(outcome.error, t));
    reply.exit = isZoneError(outcome.error) ? outcome.error.exit : 1;
    reply.code = REPLY_CODES[outcome.result];
  }

  return reply;
}
