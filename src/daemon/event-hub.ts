/**
 * The eventstream: every subscriber gets a snapshot when it joins, then each
 * event as it is published. A subscriber that stops reading is dropped
 * instead of making the daemon hold an ever-growing backlog for it.
 */
import type { ZoneEvent } from '../protocol/commands.js';
import type { EndMessage } from '../protocol/messages.js';

/** One subscribed connection, as the hub sees it. */
export interface Subscriber {
  sendEvent(event: ZoneEvent): void;
  /** Bytes written but not yet taken by the subscriber. */
  readonly backlogBytes: number;
  end(reason: EndMessage['reason']): void;
}

/**
 * A subscriber this far behind is not reading. Events are a few hundred
 * bytes and rare (one per transition), so 256 KiB is hundreds of unread
 * events: far more than any live reader lags.
 */
export const MAX_SUBSCRIBER_BACKLOG_BYTES = 256 * 1024;

/**
 * Events kept for subscribers that arrive a moment late (see `since` in the
 * protocol). A daemon publishes one event per transition, so this covers
 * far more than the moment between a daemon's start and a follower noticing
 * it, in a few kilobytes.
 */
export const RECENT_EVENTS = 64;

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly recent: ZoneEvent[] = [];

  get size(): number {
    return this.subscribers.size;
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
  }

  /** Events still held that were published at or after `since` (ms). */
  since(since: number): ZoneEvent[] {
    return this.recent.filter((event) => Date.parse(event.time) >= since);
  }

  publish(event: ZoneEvent): void {
    this.recent.push(event);
    if (this.recent.length > RECENT_EVENTS) {
      this.recent.shift();
    }

    for (const subscriber of this.subscribers) {
      if (subscriber.backlogBytes > MAX_SUBSCRIBER_BACKLOG_BYTES) {
        this.subscribers.delete(subscriber);
        subscriber.end('slow');
        continue;
      }
      subscriber.sendEvent(event);
    }
  }

  /** Ends every subscription, for a daemon on its way out. */
  endAll(reason: EndMessage['reason']): void {
    for (const subscriber of this.subscribers) {
      subscriber.end(reason);
    }
    this.subscribers.clear();
  }
}
