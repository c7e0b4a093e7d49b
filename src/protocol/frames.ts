/**
 * Framing: every message is a 4-byte big-endian length, then that many bytes
 * of UTF-8 JSON. A length is read before its body, so an oversized frame is
 * refused before a single byte of it is kept.
 */
import { FRAME_HEADER_BYTES, MAX_FRAME_BYTES } from './limits.js';

/** One message as bytes on the wire. */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');

  if (body.length > MAX_FRAME_BYTES) {
    throw new RangeError(`frame of ${body.length} bytes exceeds the cap`);
  }

  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  header.writeUInt32BE(body.length, 0);

  return Buffer.concat([header, body]);
}

export type Decoded =
  { kind: 'frame'; body: Buffer } | { kind: 'tooLarge'; size: number };

/**
 * Splits a byte stream into frame bodies. After a `tooLarge` the stream
 * cannot be trusted to be in step any more, so the decoder stops and the
 * connection should be closed once the error has been answered.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stopped = false;

  constructor(private readonly maxBytes = MAX_FRAME_BYTES) {}

  /** Bytes held while waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): Decoded[] {
    if (this.stopped) {
      return [];
    }

    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Decoded[] = [];

    while (this.buffered >= FRAME_HEADER_BYTES) {
      const size = this.peekHeader();

      if (size > this.maxBytes) {
        this.stopped = true;
        this.chunks = [];
        this.buffered = 0;
        out.push({ kind: 'tooLarge', size });
        break;
      }
      if (this.buffered < FRAME_HEADER_BYTES + size) {
        break;
      }

      const frame = this.take(FRAME_HEADER_BYTES + size);
      out.push({ kind: 'frame', body: frame.subarray(FRAME_HEADER_BYTES) });
    }

    return out;
  }

  private peekHeader(): number {
    const first = this.chunks[0] as Buffer;
    const head =
      first.length >= FRAME_HEADER_BYTES
        ? first
        : Buffer.concat(this.chunks).subarray(0, FRAME_HEADER_BYTES);

    return head.readUInt32BE(0);
  }

  private take(bytes: number): Buffer {
    const all =
      this.chunks.length === 1
        ? (this.chunks[0] as Buffer)
        : Buffer.concat(this.chunks);
    const rest = all.subarray(bytes);

    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;

    return all.subarray(0, bytes);
  }
}
