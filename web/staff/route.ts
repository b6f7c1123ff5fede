// The console's places live in the URL's hash (/staff#/applications/<id>), so a link or a reload
// opens the same place and the server serves one page.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'queue' }
  | { name: 'alerts' }
  | { name: 'visit'; id: string }
  | { name: 'application'; id: string }
  | { name: 'cards'; id?: string }
  | { name: 'intake' }
  | { name: 'statistics' }
  | { name: 'visits' }
  | { name: 'appointments' }
  | { name: 'confirmations' }
  | { name: 'passkeys' };

export function parseRoute(hash: string): Route {
  if (hash === '#/alerts') return { name: 'alerts' };
  const visit = /^#\/visits\/([0-9a-f-]{36})$/.exec(hash);
  if (visit) return { name: 'visit', id: visit[1]! };
  const app = /^#\/applications\/([0-9a-f-]{36})$/.exec(hash);
  if (app) return { name: 'application', id: app[1]! };
  const card = /^#\/cards(?:\/([0-9a-f-]{36}))?$/.exec(hash);
  if (card) return card[1] ? { name: 'cards', id: card[1] } : { name: 'cards' };
  if (hash === '#/intake') return { name: 'intake' };
  if (hash === '#/statistics') return { name: 'statistics' };
  if (hash === '#/visits') return { name: 'visits' };
  if (hash === '#/appointments') return { name: 'appointments' };
  if (hash === '#/confirmations') return { name: 'confirmations' };
  if (hash === '#/passkeys') return { name: 'passkeys' };
  return { name: 'queue' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const go = (hash: string) => {
  location.hash = hash;
};

/** The ids of the queue page last shown, for "next" in the detail. */
const QUEUE_KEY = 'juzhu.staff.queue';
export function rememberQueue(ids: string[]): void {
  sessionStorage.setItem(QUEUE_KEY, JSON.stringify(ids));
}
export function nextInQueue(id: string): string | undefined {
  const ids = JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? '[]') as string[];
  const i = ids.indexOf(id);
  return i >= 0 ? ids[i + 1] : undefined;
}

/** True when a key press is meant for a text field, not for a shortcut. */
export function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
