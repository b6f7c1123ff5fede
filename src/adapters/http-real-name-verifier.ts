// Production real-name verification through the configured authority's HTTP endpoint.
// Contract: POST {name, idNumber} with a bearer token → 200 {"match": boolean}; with `phone` as
// well, the carrier three-factor check: {"match": true} only when the carrier has that phone
// registered under that name and ID number. Anything else is the provider's failure, never a "no":
// the caller gets an error, not a refused identity.
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';

export function httpRealNameVerifier(opts: {
  url: string;
  token: string;
  timeoutMs?: number;
}): RealNameVerifier {
  const ask = async (body: Record<string, string>): Promise<boolean> => {
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    if (!res.ok) throw new Error(`real-name provider answered ${res.status}`);
    const answer = (await res.json()) as { match?: unknown };
    if (typeof answer.match !== 'boolean') throw new Error('real-name provider answered without "match"');
    return answer.match;
  };
  return {
    name: new URL(opts.url).host,
    matches: ({ name, idNumber }) => ask({ name, idNumber }),
    phoneRegisteredTo: ({ phone, name, idNumber }) => ask({ name, idNumber, phone }),
  };
}
