/**
 * The request-shaped exchanges with a daemon: a transition, and a status
 * query that changes nothing.
 */
import { daemonErrors } from '../core/errors/daemon.js';
import type { DoorCommand } from '../protocol/commands.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import type { ZoneSnapshot } from '../protocol/messages.js';
import { currentCaller } from './caller.js';
import { callDaemon, type CallContext, type StartPolicy } from './door-call.js';
import type { Reply } from './types.js';

let nextSeq = 1;

/** Sends a transition, starting a daemon when needed; the daemon's answer. */
export async function requestTransition(
  ctx: CallContext,
  zone: string,
  command: DoorCommand,
  args: readonly string[] | undefined,
): Promise<Reply> {
  const seq = nextSeq++;
  const answer = await callDaemon(
    ctx,
    zone,
    {
      v: PROTOCOL_VERSION,
      type: 'request',
      seq,
      command,
      locale: ctx.language,
      ...(args && args.length > 0 ? { args: [...args] } : {}),
      caller: currentCaller(),
    },
    'always',
  );

  if (!answer) {
    throw daemonErrors.daemonGone(zone);
  }
  answer.socket.close();

  const { first } = answer;
  if (first.type !== 'reply' || first.seq !== seq) {
    throw daemonErrors.badReply(zone, `unexpected ${first.type}`);
  }

  const reply: Reply = {
    ok: first.ok,
    exit: first.exit,
    messages: first.messages,
  };
  if (first.state) {
    reply.state = first.state;
  }

  return reply;
}

/** What the zone's daemon knows, or undefined when no daemon serves it. */
export async function queryStatus(
  ctx: CallContext,
  zone: string,
  policy: StartPolicy,
): Promise<ZoneSnapshot | undefined> {
  const seq = nextSeq++;
  const answer = await callDaemon(
    ctx,
    zone,
    { v: PROTOCOL_VERSION, type: 'status', seq, locale: ctx.language },
    policy,
  );

  if (!answer) {
    return undefined;
  }
  answer.socket.close();

  const { first } = answer;
  if (first.type !== 'snapshot') {
    throw daemonErrors.badReply(zone, `unexpected ${first.type}`);
  }

  return first.zone;
}
