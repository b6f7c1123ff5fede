// The kept lists and how old they are: downloaded when the page opens and every few minutes while
// it is online; read from IndexedDB when not.
import { useCallback, useEffect, useState } from 'react';
import { keptLists, refreshLists, type KeptLists } from './offline-lists.ts';

const REFRESH_MS = 4 * 60 * 1000; // inside the status lists' 5-minute ttl

export function useLists() {
  const [lists, setLists] = useState<KeptLists>();
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setLists(await refreshLists());
      setFailed(false);
    } catch {
      setFailed(true);
      setLists((l) => l);
    }
  }, []);
  useEffect(() => {
    void keptLists()
      .then((l) => l && setLists((cur) => cur ?? l))
      .catch(() => undefined);
    void refresh();
    const timer = setInterval(() => navigator.onLine && void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { lists, failed, refresh };
}
