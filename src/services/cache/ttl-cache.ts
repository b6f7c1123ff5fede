// A small per-process cache for the hottest reads (the session behind a token, the card behind a
// display code). Changes drop their entries as they are announced (src/services/changes), from
// this process at once and from others within the NOTIFY latency; the lifetime is the bound should
// an announcement be missed, and is read at each write (shorter while the bus is not listening).
// Bounded: the oldest entries go first.
import type { Clock } from '../../domain/clock.ts';

export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
}

export function createTtlCache<K, V>(opts: {
  ttlMs: number | (() => number);
  maxEntries: number;
  clock: Clock;
}): TtlCache<K, V> {
  const entries = new Map<K, { value: V; until: number }>();
  return {
    get: (key) => {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.until <= opts.clock.now().getTime()) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set: (key, value) => {
      const ttlMs = typeof opts.ttlMs === 'number' ? opts.ttlMs : opts.ttlMs();
      if (ttlMs <= 0) return;
      entries.delete(key);
      if (entries.size >= opts.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, until: opts.clock.now().getTime() + ttlMs });
    },
    delete: (key) => {
      entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}
