// `juzhu verify <code>`: the offline verifier library from the command line. It trusts only the
// anchor it is given (--anchor file, or the server's with --server, trust on first use), checks
// the trust list and status list against it, and prints one result of the closed set.
import { readFileSync } from 'node:fs';
import {
  verifyDisplayCode,
  verifyStatusList,
  verifyTrustList,
  type StatusListSnapshot,
  type TrustAnchor,
  type VerificationOutcome,
} from '../verify/index.ts';

import { UsageError, type VerifyCommandOptions } from './usage-error.ts';

async function fetchBytes(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new UsageError(
      `cannot reach ${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`,
    );
  }
  if (!res.ok) throw new UsageError(`${url} answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function readAnchors(file: string): TrustAnchor[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return (Array.isArray(parsed) ? parsed : [parsed]) as TrustAnchor[];
}

export async function runVerify(code: string, opts: VerifyCommandOptions): Promise<VerificationOutcome> {
  const now = opts.now ? new Date(opts.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO time');
  const skewSeconds = opts.skew === undefined ? 10 : Number(opts.skew);
  if (!Number.isInteger(skewSeconds) || skewSeconds < 0 || skewSeconds > 300)
    throw new UsageError('--skew must be 0–300 seconds');
  const server = opts.server?.replace(/\/+$/, '');
  if (!server && (!opts.anchor || !opts.trustList)) {
    throw new UsageError(
      'give --server URL, or --anchor FILE and --trust-list FILE (and --status-list N=FILE)',
    );
  }

  const anchors = opts.anchor
    ? readAnchors(opts.anchor)
    : [
        JSON.parse(
          new TextDecoder().decode(await fetchBytes(`${server}/api/v1/trust-anchor`)),
        ) as TrustAnchor,
      ];
  const trustBytes = opts.trustList
    ? new Uint8Array(readFileSync(opts.trustList))
    : await fetchBytes(`${server}/api/v1/trust-list`);
  const trust = await verifyTrustList(trustBytes, anchors, { now, skewSeconds });
  if (!trust.ok) throw new UsageError(`the trust list does not verify: ${trust.problem}`);

  const lists = new Map<number, StatusListSnapshot>();
  const load = async (n: number, bytes: Uint8Array) => {
    const checked = await verifyStatusList(bytes, trust.trustList, { now, skewSeconds });
    if (checked.ok) lists.set(n, checked.snapshot);
  };
  for (const entry of opts.statusList ?? []) {
    const m = /^(\d+)=(.+)$/.exec(entry);
    if (!m) throw new UsageError('--status-list takes N=FILE');
    await load(Number(m[1]), new Uint8Array(readFileSync(m[2] as string)));
  }
  const ctx = {
    trustList: trust.trustList,
    now,
    skewSeconds,
    ...(opts.challenge === undefined ? {} : { challenge: opts.challenge }),
  };
  // A first pass learns which list the (authentic) code points to; fetch it and decide.
  let wanted: number | undefined;
  const first = await verifyDisplayCode(code, {
    ...ctx,
    statusLists: (n) => {
      wanted = n;
      return lists.get(n);
    },
  });
  if (!server || wanted === undefined || lists.has(wanted)) return first;
  await load(wanted, await fetchBytes(`${server}/api/v1/status-lists/${wanted}`));
  return verifyDisplayCode(code, { ...ctx, statusLists: (n) => lists.get(n) });
}

export function formatOutcome(outcome: VerificationOutcome): string {
  const c = outcome.claims;
  if (!c) return outcome.result;
  return [
    outcome.result,
    `  kind:        ${c.kind}`,
    `  holder:      ${c.maskedName}`,
    `  district:    ${c.districtCode}`,
    `  valid until: ${c.validUntil}`,
    `  card:        ${c.cardNumber} v${c.cardVersion}`,
    `  shown:       ${new Date(c.issuedAt * 1000).toISOString()} – ${new Date(c.expiresAt * 1000).toISOString()}`,
  ].join('\n');
}
