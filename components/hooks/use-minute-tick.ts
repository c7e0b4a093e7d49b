/**
 * Re-renders on each wall-clock minute while `active`, so uptimes stay
 * true. This is the UI's only timer: it runs only while a running zone
 * shows an uptime, and wakes once a minute at most.
 */
import { useEffect, useState } from 'react';
import { msUntilNextMinute } from '../model/uptime.js';

export function useMinuteTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) {
      return;
    }

    const timer = setTimeout(
      () => setNow(Date.now()),
      msUntilNextMinute(Date.now()),
    );

    return () => clearTimeout(timer);
  }, [active, now]);

  return active ? Math.max(now, Date.now()) : now;
}
