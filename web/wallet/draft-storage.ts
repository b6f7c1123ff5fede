// The wallet's drafts: what a person typed into a form, kept in sessionStorage (never localStorage,
// which outlives the session on a shared phone) and marked with whose it is, so another person who
// signs in in the same tab finds none. Signing out forgets every key under DRAFT_PREFIX.
export const DRAFT_PREFIX = 'juzhu.wallet.draft.';

/** A browser that refuses storage (full, or a private mode) still lets the form be sent. */
export function saveItem(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // the draft is only a convenience
  }
}

/** The draft kept under `key` if it is this owner's, else undefined. */
export function readOwned<T extends object>(key: string, owner: string): Partial<T> | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as (T & { owner: string }) | null;
    if (!saved || saved.owner !== owner) return undefined;
    const { owner: _owner, ...draft } = saved;
    return draft as Partial<T>;
  } catch {
    return undefined;
  }
}

export function saveOwned(key: string, value: object, owner: string): void {
  saveItem(key, JSON.stringify({ ...value, owner }));
}
