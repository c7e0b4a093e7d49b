/**
 * Waits for a condition that an event will make true, checking after each
 * event the caller forwards. Rejects after `limitMs` so a broken feature
 * fails the test instead of hanging it; the limit is a safety net, not a
 * performance assertion.
 */
export class Until {
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  /** Call after anything that may have changed the state. */
  poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.check()) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  wait(check: () => boolean, what: string, limitMs = 15000): Promise<void> {
    if (check()) {
      return Promise.resolve();
    }

    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`gave up waiting for ${what}`)),
        limitMs,
      );
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}
