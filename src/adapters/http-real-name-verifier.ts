// Production real-name verification through the configured authority's HTTP endpoint.
// Contract: POST {name, idNumber} with a bearer token → 200 {"match": boolean}. Anything else
// is the provider's failure, never a "no": the caller gets an error, not a refused identity.
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';

export function httpRealNameVerifier(opts: {
  url: string;
  token: string;
  timeoutMs?: number;
}): RealNameVerifier {
  return {
    name: new URL(opts.url).host,
    matches: async ({ name, idNumber }) => {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: JSON.stringify({ name, idNumber }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`real-name provider answered ${res.status}`);
      const body = (await res.json()) as { match?: unknown };
      if (typeof body.match !== 'boolean') throw new Error('real-name provider answered without "match"');
      return body.match;
    },
  };
}
