// A small per-process cache for the hottest reads (the session behind a token, the card behind a
// display code). Entries live a couple of seconds at most, so a change made by another process
// is seen after that long; changes made by this process drop their entries at once. Bounded: the
// oldest entries go first.
import type { Clock } from '../../domain/clock.ts';

export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
}

export function createTtlCache<K, V>(opts: {
  ttlMs: number;
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
      if (opts.ttlMs <= 0) return;
      entries.delete(key);
      if (entries.size >= opts.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, until: opts.clock.now().getTime() + opts.ttlMs });
    },
    delete: (key) => {
      entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}
