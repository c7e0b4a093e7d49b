/**
 * The console socket's wire format, shared by zoneadmd and every console
 * client.
 *
 * A client opens with one handshake line of JSON (`ConsoleHello`), and the
 * server answers with one line: `OK` or `ERR <reason in the client's
 * language>`. After that both directions carry frames: one type byte, a
 * 32-bit big-endian payload length, then the payload. Zone bytes and notices
 * travel in different frame types, so a notice can never be mistaken for
 * something the zone printed.
 */
import type { Language } from '../core/language.js';

export const CONSOLE_WIRE_VERSION = 1;

// Longer than any sensible hello; a client that sends more is not one.
export const MAX_HELLO_BYTES = 1024;

// Zone output is cut into frames of at most this much, so that one frame
// never holds a reader hostage and a bad length is easy to refuse.
export const MAX_FRAME_BYTES = 64 * 1024;

// A screen is one frame, because a client redraws from it at once: its
// scrollback of long lines can pass a data frame's bound many times over.
// The server keeps every screen within this one (it sends less scrollback).
export const MAX_SCREEN_BYTES = 4 * 1024 * 1024;

export const HEADER_BYTES = 5;

export interface ConsoleHello {
  v: number;
  locale: Language;
  readOnly: boolean;
  /** Disconnect when the zone halts, instead of following it. */
  detachOnHalt: boolean;
  cols?: number;
  rows?: number;
}

export const enum Frame {
  /** Server → client: bytes the zone printed. */
  Data = 0x01,
  /** Server → client: a localized notice line (UTF-8, no brackets). */
  Notice = 0x02,
  /** Server → client: the serialized screen; the client redraws from it. */
  Screen = 0x03,
  /** Server → client: the server is closing; payload is the reason. */
  Bye = 0x04,
  /** Client → server: keystrokes for the zone. */
  Input = 0x11,
  /** Client → server: window size, two 16-bit big-endian numbers. */
  Resize = 0x12,
}

export function encodeFrame(
  type: Frame,
  payload: Buffer | string = '',
): Buffer {
  const body =
    typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(HEADER_BYTES);

  header.writeUInt8(type, 0);
  header.writeUInt32BE(body.length, 1);

  return Buffer.concat([header, body]);
}

/** Zone output as Data frames no larger than MAX_FRAME_BYTES each. */
export function encodeData(chunk: Buffer): Buffer[] {
  const frames: Buffer[] = [];

  for (let at = 0; at < chunk.length; at += MAX_FRAME_BYTES) {
    frames.push(
      encodeFrame(Frame.Data, chunk.subarray(at, at + MAX_FRAME_BYTES)),
    );
  }

  return frames;
}

export function encodeResize(cols: number, rows: number): Buffer {
  const payload = Buffer.alloc(4);

  payload.writeUInt16BE(cols, 0);
  payload.writeUInt16BE(rows, 2);

  return encodeFrame(Frame.Resize, payload);
}

export function decodeResize(
  payload: Buffer,
): { cols: number; rows: number } | undefined {
  if (payload.length !== 4) {
    return undefined;
  }

  const cols = payload.readUInt16BE(0);
  const rows = payload.readUInt16BE(2);

  return cols > 0 && rows > 0 ? { cols, rows } : undefined;
}

/** A decoded frame. */
export interface WireFrame {
  type: number;
  payload: Buffer;
}

/**
 * Cuts a byte stream into frames. `push` returns the complete frames so far;
 * an oversized length is reported as an error, after which the stream is
 * unusable and the caller should close it.
 */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): WireFrame[] {
    this.pending = this.pending.length
      ? Buffer.concat([this.pending, chunk])
      : chunk;
    const frames: WireFrame[] = [];

    while (this.pending.length >= HEADER_BYTES) {
      const length = this.pending.readUInt32BE(1);
      const max =
        this.pending.readUInt8(0) === Frame.Screen
          ? MAX_SCREEN_BYTES
          : MAX_FRAME_BYTES;
      if (length > max) {
        throw new RangeError(`console frame of ${length} bytes`);
      }
      if (this.pending.length < HEADER_BYTES + length) {
        break;
      }

      frames.push({
        type: this.pending.readUInt8(0),
        payload: this.pending.subarray(HEADER_BYTES, HEADER_BYTES + length),
      });
      this.pending = this.pending.subarray(HEADER_BYTES + length);
    }

    return frames;
  }
}

/** Parses a hello line, or says nothing when it is not a valid one. */
export function parseHello(
  line: string,
  isLanguage: (s: string) => s is Language,
): ConsoleHello | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }

  const hello = value as Partial<ConsoleHello> | null;
  const size = (n: unknown) =>
    n === undefined ||
    (Number.isInteger(n) && (n as number) > 0 && (n as number) < 65536);
  const ok =
    hello !== null &&
    typeof hello === 'object' &&
    hello.v === CONSOLE_WIRE_VERSION &&
    typeof hello.locale === 'string' &&
    isLanguage(hello.locale) &&
    typeof hello.readOnly === 'boolean' &&
    typeof hello.detachOnHalt === 'boolean' &&
    size(hello.cols) &&
    size(hello.rows);

  return ok ? (hello as ConsoleHello) : undefined;
}
