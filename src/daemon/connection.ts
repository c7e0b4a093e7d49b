/**
 * One client connection on the door: frames in, one reply per request, or
 * a snapshot and then events once it subscribes. Anything that cannot be
 * understood gets an error reply in the sender's language (when it could be
 * read) and changes nothing; only an oversized frame also ends the
 * connection, because the stream can no longer be trusted to be in step.
 */
import type net from 'node:net';
import { describe } from '../core/describe.js';
import { daemonErrors } from '../core/errors/daemon.js';
import type { Messages } from '../core/i18n.js';
import { DEFAULT_LANGUAGE, type Language } from '../core/language.js';
import type { Logger } from '../core/logger.js';
import type { ZoneEvent } from '../protocol/commands.js';
import { encodeFrame, FrameDecoder, type Decoded } from '../protocol/frames.js';
import { MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import type {
  ClientMessage,
  DaemonMessage,
  EndMessage,
  ReplyMessage,
  RequestMessage,
} from '../protocol/messages.js';
import { parseClientMessage, type Problem } from '../protocol/parse.js';
import { identify } from './caller.js';
import { replyFor } from './reply.js';
import type { EventHub, Subscriber } from './event-hub.js';
import type { ZoneManager } from './zone-manager.js';

export interface DoorContext {
  zone: string;
  /** The door's socket, by the address it was bound to. */
  door: string;
  manager: ZoneManager;
  hub: EventHub;
  messages: Messages;
  logger: Logger;
  /** True once the daemon has decided to go away. */
  goingAway(): boolean;
  /**
   * A transition request was answered; the daemon may now go away. A status
   * query is only a look, and does not end a daemon that was just started
   * for a request still on its way.
   */
  answered(): void;
}

export class Connection implements Subscriber {
  private readonly decoder = new FrameDecoder();
  private readonly inbox: Decoded[] = [];
  private working = false;
  private mustDrain = false;
  private subscribedIn: Language | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly ctx: DoorContext,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => ctx.hub.remove(this));
  }

  get subscribed(): boolean {
    return this.subscribedIn !== undefined;
  }

  get busy(): boolean {
    return this.working;
  }

  get backlogBytes(): number {
    return this.socket.writableLength;
  }

  sendEvent(event: ZoneEvent): void {
    this.send({ v: PROTOCOL_VERSION, type: 'event', event });
  }

  end(reason: EndMessage['reason']): void {
    const t = this.ctx.messages.fixed(this.subscribedIn ?? DEFAULT_LANGUAGE);

    this.send({
      v: PROTOCOL_VERSION,
      type: 'end',
      reason,
      message: t(`daemon:end.${reason}`, { zone: this.ctx.zone }),
    });
    this.socket.end();
  }

  /** Closes a connection that waits for nothing. */
  close(): void {
    this.socket.end();
  }

  private receive(chunk: Buffer): void {
    this.inbox.push(...this.decoder.push(chunk));
    void this.work();
  }

  // One frame at a time: reading stops while a request is being served, so
  // a client cannot queue up more work than one request's worth.
  private async work(): Promise<void> {
    if (this.working) {
      return;
    }

    this.working = true;
    this.socket.pause();

    for (
      let next = this.inbox.shift();
      next && !this.socket.destroyed;
      next = this.inbox.shift()
    ) {
      if (next.kind === 'tooLarge') {
        this.refuse(
          daemonErrors.tooLarge(next.size, MAX_FRAME_BYTES),
          'tooLarge',
        );
        this.inbox.length = 0;
        this.socket.end();
        break;
      }
      await this.handle(next.body);
      await this.drained();
    }

    this.working = false;
    this.socket.resume();
  }

  private async handle(body: Buffer): Promise<void> {
    const parsed = parseClientMessage(body);

    if (!parsed.ok) {
      this.reject(parsed.problem);
      return;
    }

    const message = parsed.message;
    if (this.subscribed) {
      this.refuse(daemonErrors.notNow(), 'notNow', message);
      return;
    }

    await this.dispatch(message);
  }

  private async dispatch(message: ClientMessage): Promise<void> {
    const { manager, hub } = this.ctx;

    switch (message.type) {
      case 'status':
        this.send({
          v: PROTOCOL_VERSION,
          type: 'snapshot',
          seq: message.seq,
          zone: manager.snapshot(),
        });
        return;
      case 'subscribe':
        this.subscribedIn = message.locale;
        this.send({
          v: PROTOCOL_VERSION,
          type: 'snapshot',
          seq: message.seq,
          zone: manager.snapshot(),
        });
        if (message.since !== undefined) {
          for (const event of hub.since(message.since)) {
            this.sendEvent(event);
          }
        }
        if (this.ctx.goingAway()) {
          this.end('goingAway');
        } else {
          hub.add(this);
        }
        return;
      case 'request':
        await this.serve(message);
        return;
    }
  }

  private async serve(message: RequestMessage): Promise<void> {
    const { manager, zone, door, logger } = this.ctx;

    if (this.ctx.goingAway()) {
      this.refuse(daemonErrors.goingAway(zone), 'goingAway', message);
      return;
    }

    const who = identify(this.socket, door, message.caller, logger);
    const { user, pid } = message.caller;
    const outcome = await manager.request(message.command, message.args, {
      who,
      label: `${message.command} asked by ${user} (pid ${pid})`,
    });

    const t = this.ctx.messages.fixed(message.locale);
    this.send(replyFor(message, outcome, this.ctx.zone, t));
    this.ctx.answered();
  }

  private reject(problem: Problem): void {
    this.ctx.logger.debug('refused a malformed frame', { problem });

    const error =
      problem.code === 'badVersion'
        ? daemonErrors.badVersion(problem.detail, PROTOCOL_VERSION)
        : problem.code === 'badFrame'
          ? daemonErrors.badFrame(problem.detail)
          : daemonErrors.badMessage(problem.detail);

    this.refuse(error, problem.code, problem);
  }

  private refuse(
    error: ReturnType<typeof daemonErrors.notNow>,
    code: NonNullable<ReplyMessage['code']>,
    from: { locale?: Language; seq?: number } = {},
  ): void {
    const t = this.ctx.messages.fixed(from.locale ?? DEFAULT_LANGUAGE);

    this.send({
      v: PROTOCOL_VERSION,
      type: 'reply',
      seq: from.seq ?? null,
      ok: false,
      exit: error.exit === 2 ? 2 : 1,
      code,
      messages: [describe(error, t)],
    });
  }

  private send(message: DaemonMessage): void {
    if (!this.socket.destroyed && this.socket.writable) {
      this.mustDrain = !this.socket.write(encodeFrame(message));
    }
  }

  // A client that does not read its replies stops being read from, so its
  // unread replies never pile up in the daemon.
  private drained(): Promise<void> {
    if (!this.mustDrain || this.socket.destroyed) {
      return Promise.resolve();
    }

    return new Promise((resolve) => {
      const done = () => {
        this.mustDrain = false;
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }
}
