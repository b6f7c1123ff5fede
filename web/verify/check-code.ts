// Online first, offline when it must: POST /verify (the server's answer adds "seen before" and,
// with an organisation key, the full record); when the browser says it is offline or the request
// fails, the kept lists decide, and the verdict says it was checked offline.
import type { Static } from 'typebox';
import type { VerifyAnswer } from '../../src/http/schemas/verify.ts';
import { currentLanguage } from '../shared/i18n.ts';
import { verifyOffline, type KeptLists } from './offline-lists.ts';
import type { Verdict } from './verdict-view.tsx';

export const VERIFIER_KEY_STORAGE = 'juzhu.verifierKey';

async function verifyOnline(code: string, challenge: string | undefined) {
  const key = localStorage.getItem(VERIFIER_KEY_STORAGE);
  const res = await fetch('/api/v1/verify', {
    method: 'POST',
    credentials: 'omit',
    headers: {
      accept: 'application/json',
      'accept-language': currentLanguage(),
      'content-type': 'application/json',
      ...(key ? { 'x-verifier-key': key } : {}),
    },
    body: JSON.stringify({ code, ...(challenge ? { challenge } : {}) }),
  });
  if (!res.ok) throw new Error(`verify: ${res.status}`);
  return (await res.json()) as Static<typeof VerifyAnswer>;
}

export async function checkCode(
  code: string,
  challenge: string | undefined,
  lists: KeptLists | undefined,
): Promise<Verdict> {
  if (navigator.onLine) {
    try {
      return { ...(await verifyOnline(code.trim(), challenge)), offline: false };
    } catch {
      // the network dropped (or the server is unreachable): the kept lists decide below
    }
  }
  const outcome = await verifyOffline(code.trim(), lists, challenge);
  const c = outcome.claims;
  return {
    result: outcome.result,
    checkedAt: new Date().toISOString(),
    offline: true,
    ...(c
      ? {
          kind: c.kind,
          card: {
            kind: c.kind,
            maskedName: c.maskedName,
            districtCode: c.districtCode,
            validUntil: c.validUntil,
          },
        }
      : {}),
  };
}
