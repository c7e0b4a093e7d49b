/**
 * The door: a Unix socket in the zone's run directory. The directory has
 * mode 0700, so only the daemon's own user can reach the socket at all; see
 * caller.ts for what the daemon learns beyond that.
 */
import fs from 'node:fs';
import net from 'node:net';
import { bindSocketFile } from '../core/socket-file.js';
import { Connection, type DoorContext } from './connection.js';

/**
 * Connections open at once, subscribers included. A request needs one for
 * a few milliseconds and a UI one per zone it shows; the cap bounds the
 * descriptors and buffers a flood of clients can take from the daemon.
 */
export const MAX_DOOR_CONNECTIONS = 512;

/**
 * A connection that neither subscribed nor sent a whole request for this
 * long is closed: the door serves one request per connection, promptly.
 */
export const DOOR_IDLE_TIMEOUT_MS = 60_000;

export class DoorServer {
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  /** The name the socket was bound to, which the kernel keeps reporting. */
  private boundAs = '';

  constructor(private readonly ctx: DoorContext) {
    this.server = net.createServer((socket) => this.accept(socket));
    this.server.maxConnections = MAX_DOOR_CONNECTIONS;
  }

  /** Binds the door. The caller holds the zone lock: a file there is stale. */
  async listen(): Promise<void> {
    this.boundAs = await bindSocketFile(this.server, this.ctx.door);
  }

  /**
   * Stops taking connections and removes the door, so that the next client
   * starts a fresh daemon. Connections waiting for nothing are closed.
   */
  close(): void {
    // The name goes first: a client that comes now finds no door and starts
    // a fresh daemon, instead of knocking on one that no longer answers.
    fs.rmSync(this.ctx.door, { force: true });
    this.server.close();

    for (const connection of this.connections) {
      if (!connection.busy && !connection.subscribed) {
        connection.close();
      }
    }
  }

  private accept(socket: net.Socket): void {
    // Peer lookups (caller.ts) find connections by the address bound.
    const connection = new Connection(socket, {
      ...this.ctx,
      door: this.boundAs,
    });

    this.connections.add(connection);
    socket.on('close', () => this.connections.delete(connection));
    socket.setTimeout(DOOR_IDLE_TIMEOUT_MS, () => {
      if (!connection.subscribed) {
        socket.destroy();
      }
    });
  }
}
