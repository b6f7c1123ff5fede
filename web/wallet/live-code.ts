// The live display code of a card (DESIGN §3): fetched when shown, again every 30 s and before it
// expires, so a screenshot is worth at most the code's remaining life. The server's time is learnt
// at each fetch (the code's issuedAt against the middle of the request), so the clock and
// countdown are right on a phone whose own clock is wrong: a wallet that trusted the phone's clock
// would show a code as expired, or a stale one as fresh.
import { useEffect, useRef, useState } from 'react';
import type { Static } from 'typebox';
import type { DisplayCode } from '../../src/http/schemas/me.ts';
import { ApiError, post } from '../shared/api.ts';

export const REFRESH_MS = 30_000;
const EARLY_MS = 5_000; // refresh this long before expiry at the latest
const RETRY_MS = 3_000;

export interface LiveCode {
  code?: Static<typeof DisplayCode>;
  /** Server time minus phone time, ms. */
  offsetMs: number;
  /** The error of the last fetch, if it failed. */
  error?: ApiError;
}

export function useLiveCode(cardId: string, challenge: string | undefined): LiveCode {
  const [state, setState] = useState<LiveCode>({ offsetMs: 0 });
  const offset = useRef(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchCode = async () => {
      const sentAt = Date.now();
      try {
        const code = await post<Static<typeof DisplayCode>>(
          `/cards/${cardId}/display-codes`,
          challenge ? { challenge } : {},
        );
        const receivedAt = Date.now();
        offset.current = Date.parse(code.issuedAt) - (sentAt + receivedAt) / 2;
        if (stopped) return;
        setState({ code, offsetMs: offset.current });
        const life = Date.parse(code.expiresAt) - Date.parse(code.issuedAt);
        timer = setTimeout(() => void fetchCode(), Math.max(1_000, Math.min(REFRESH_MS, life - EARLY_MS)));
      } catch (e) {
        if (stopped) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        setState((s) => ({ ...s, error }));
        // A card that cannot be shown will not become showable by asking again; a network failure may pass.
        if (error.code !== 'CARD_NOT_DISPLAYABLE' && error.status !== 401) {
          timer = setTimeout(() => void fetchCode(), RETRY_MS);
        }
      }
    };
    setState({ offsetMs: offset.current });
    void fetchCode();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [cardId, challenge]);

  return state;
}

/** Re-renders every quarter second with the server's now. */
export function useServerNow(offsetMs: number): Date {
  const [now, setNow] = useState(() => new Date(Date.now() + offsetMs));
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date(Date.now() + offsetMs)), 250);
    return () => clearInterval(tick);
  }, [offsetMs]);
  return now;
}
