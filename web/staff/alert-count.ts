// The number shown next to "Alerts" in the navigation: the station's alerts that still stand
// (GET /staff/alerts, `open`), for the roles that receive them. Read again when the console moves
// to another place, when a page says it dealt with something (`alertsChanged()`: a visit
// recorded, an application decided), and every minute (the morning jobs run on the server).
import { useEffect, useState } from 'react';
import type { AlertPage } from '../../src/http/schemas/alerts.ts';
import { get } from '../shared/api.ts';

const CHANGED = 'juzhu:alerts-changed';
const POLL_MS = 60_000;

export const receivesAlerts = (role: string): boolean => role === 'officer' || role === 'community_police';

/** Called by a page after a write that may settle an alert. */
export const alertsChanged = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

export function useAlertCount(role: string, place: string): number | null {
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    if (!receivesAlerts(role)) return;
    let live = true;
    const read = (): void => {
      get<AlertPage>('/staff/alerts?limit=1').then(
        (page) => live && setOpen(page.open),
        () => live && setOpen(null),
      );
    };
    read();
    const timer = setInterval(read, POLL_MS);
    window.addEventListener(CHANGED, read);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, read);
    };
  }, [role, place]);
  return open;
}
