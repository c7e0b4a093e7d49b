/**
 * The last `capacity` bytes written, for a client that attaches later. Old
 * bytes are overwritten; memory stays at `capacity` however much the zone
 * prints.
 */
export class RingBuffer {
  private readonly bytes: Buffer;
  private end = 0;
  private full = false;

  constructor(readonly capacity: number) {
    this.bytes = Buffer.alloc(capacity);
  }

  push(chunk: Buffer): void {
    if (chunk.length >= this.capacity) {
      chunk.copy(this.bytes, 0, chunk.length - this.capacity);
      this.end = 0;
      this.full = true;
      return;
    }

    const first = Math.min(chunk.length, this.capacity - this.end);
    chunk.copy(this.bytes, this.end, 0, first);
    chunk.copy(this.bytes, 0, first);

    const end = this.end + chunk.length;
    this.full ||= end >= this.capacity;
    this.end = end % this.capacity;
  }

  /** Everything kept, oldest first, as a copy. */
  contents(): Buffer {
    if (!this.full) {
      return Buffer.from(this.bytes.subarray(0, this.end));
    }

    return Buffer.concat([
      this.bytes.subarray(this.end),
      this.bytes.subarray(0, this.end),
    ]);
  }
}
