/**
 * Framing on the holder's socket: a one-byte type, a four-byte big-endian
 * length, then the payload. Console bytes travel as they are; everything
 * else is a JSON control message.
 */
export const FRAME_DATA = 1;
export const FRAME_CONTROL = 2;
/** The console output the holder kept, sent once after a console hello. */
export const FRAME_BACKLOG = 3;

const FRAME_TYPES = new Set([FRAME_DATA, FRAME_CONTROL, FRAME_BACKLOG]);

const HEADER_BYTES = 5;

// A frame never needs more: console chunks are a pty read (4 KiB here) and
// the backlog is bounded by the ring buffer.
export const MAX_FRAME_BYTES = 1024 * 1024;

// Control messages are small; a larger one is a broken or hostile peer.
export const MAX_CONTROL_BYTES = 64 * 1024;

export interface Frame {
  readonly type: number;
  readonly payload: Buffer;
}

/** A peer that does not speak the protocol; the connection must end. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

export function encodeFrame(type: number, payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(HEADER_BYTES);

  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 1);

  return Buffer.concat([header, payload]);
}

export function encodeControl(message: object): Buffer {
  return encodeFrame(FRAME_CONTROL, Buffer.from(JSON.stringify(message)));
}

/** Cuts a byte stream into frames, however the stream was chunked. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /** The complete frames `chunk` finishes; throws FrameError on garbage. */
  push(chunk: Buffer): Frame[] {
    this.pending =
      this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];

    while (this.pending.length >= HEADER_BYTES) {
      const type = this.pending.readUInt8(0);
      const length = this.pending.readUInt32BE(1);

      if (!FRAME_TYPES.has(type)) {
        throw new FrameError(`unknown frame type ${type}`);
      }
      const limit =
        type === FRAME_CONTROL ? MAX_CONTROL_BYTES : MAX_FRAME_BYTES;
      if (length > limit) {
        throw new FrameError(`frame of ${length} bytes exceeds ${limit}`);
      }
      if (this.pending.length < HEADER_BYTES + length) {
        break;
      }

      frames.push({
        type,
        payload: this.pending.subarray(HEADER_BYTES, HEADER_BYTES + length),
      });
      this.pending = this.pending.subarray(HEADER_BYTES + length);
    }

    return frames;
  }
}

/** The JSON object of a control frame; throws FrameError when it is none. */
export function parseControl(payload: Buffer): Record<string, unknown> {
  let value: unknown;

  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new FrameError('control frame is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FrameError('control frame is not a JSON object');
  }

  return value as Record<string, unknown>;
}
