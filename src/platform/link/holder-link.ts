import type { Reply } from '../protocol/messages.js';
import type { HolderLink, Upcall } from '../types.js';
import { Connection } from './connection.js';

/**
 * A console connection to a holder. Output that arrives before anyone
 * listens is kept and handed to the first data listener, so no byte
 * between the backlog and live output is lost. An upcall the holder still
 * had pending when we attached is handed to each upcall listener as it
 * registers, then every new one as it happens.
 */
export class SocketHolderLink implements HolderLink {
  private readonly dataListeners: ((chunk: Buffer) => void)[] = [];
  private readonly upcallListeners: ((upcall: Upcall) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];
  private readonly early: Buffer[] = [];
  private readonly upcalls: Upcall[] = [];
  private readonly acks = new Map<number, (error?: Error) => void>();
  private seq = 0;
  private closed = false;

  private constructor(
    private readonly connection: Connection,
    readonly backlog: Buffer,
  ) {
    const pending = connection.state.pendingUpcall;
    if (pending) {
      this.upcalls.push(pending);
    }
  }

  static attach(socketPath: string): Promise<SocketHolderLink> {
    let link: SocketHolderLink | undefined;
    let backlog: ((bytes: Buffer) => void) | undefined;
    const gotBacklog = new Promise<Buffer>((resolve) => (backlog = resolve));
    const beforeLink: Buffer[] = [];

    return Connection.open(socketPath, 'console', {
      backlog: (bytes) => backlog?.(bytes),
      data: (chunk) => (link ? link.data(chunk) : beforeLink.push(chunk)),
      control: (reply) => link?.control(reply),
      close: () => link?.ended(),
    }).then(async (connection) => {
      link = new SocketHolderLink(connection, await gotBacklog);
      link.early.push(...beforeLink);
      return link;
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
    for (const chunk of this.early.splice(0)) {
      listener(chunk);
    }
  }

  onUpcall(listener: (upcall: Upcall) => void): void {
    this.upcallListeners.push(listener);
    for (const upcall of this.upcalls) {
      listener(upcall);
    }
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
    if (this.closed) {
      listener();
    }
  }

  write(data: Buffer | string): void {
    this.connection.sendData(Buffer.from(data));
  }

  resize(cols: number, rows: number): void {
    this.connection.send({ op: 'resize', cols, rows });
  }

  pause(): void {
    this.connection.send({ op: 'pause' });
  }

  resume(): void {
    this.connection.send({ op: 'resume' });
  }

  acknowledge(generation: string): Promise<void> {
    const seq = ++this.seq;
    const index = this.upcalls.findIndex((u) => u.generation === generation);
    if (index >= 0) {
      this.upcalls.splice(index, 1);
    }

    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('the holder is gone'));
        return;
      }
      this.acks.set(seq, (error) => (error ? reject(error) : resolve()));
      this.connection.send({ op: 'ack', generation, seq });
    });
  }

  close(): void {
    this.connection.close();
  }

  private data(chunk: Buffer): void {
    if (this.dataListeners.length === 0) {
      this.early.push(chunk);
      return;
    }
    for (const listener of this.dataListeners) {
      listener(chunk);
    }
  }

  private control(reply: Reply): void {
    if (reply.op === 'upcall') {
      this.upcalls.push(reply.upcall);
      for (const listener of this.upcallListeners) {
        listener(reply.upcall);
      }
    } else if (reply.op === 'acked') {
      this.acks.get(reply.seq)?.();
      this.acks.delete(reply.seq);
    }
  }

  private ended(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const settle of this.acks.values()) {
      settle(new Error('the holder is gone'));
    }
    this.acks.clear();
    for (const listener of this.closeListeners) {
      listener();
    }
  }
}
