// A tiny key–value store in IndexedDB (structured clone keeps Uint8Array as bytes): what the
// verifier page must still have when the network is gone.
const DB = 'juzhu-verify';
const STORE = 'kept';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = act(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error ?? new Error('indexedDB'));
    });
  } finally {
    db.close();
  }
}

export const readKept = <T>(key: string) => run<T | undefined>('readonly', (s) => s.get(key));
export const keep = (key: string, value: unknown) => run<unknown>('readwrite', (s) => s.put(value, key));
