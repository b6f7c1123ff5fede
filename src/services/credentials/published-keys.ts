// What offline verifiers cache: the JWKS, the trust anchor, and the signed trust list.
import { AppError } from '../../domain/errors.ts';
import {
  buildJwks,
  buildTrustList,
  signTrustList,
  trustAnchorOf,
  type PublishedJwk,
} from '../../credentials/index.ts';
import type { TrustAnchor } from '../../verify/index.ts';
import type { ServiceContext } from '../context.ts';

export async function jwks(ctx: ServiceContext): Promise<{ keys: PublishedJwk[] }> {
  const keys = (await ctx.keys.all()).filter((k) => k.purpose === 'display_code').map((k) => k.record);
  return buildJwks(keys, ctx.clock.now());
}

/** The anchor verifiers pin (out of band) to check the trust list. */
export async function trustAnchor(ctx: ServiceContext): Promise<TrustAnchor> {
  // The key that signs the trust list now, by the signer's own rule: never one that does not.
  const anchor = await ctx.keys.current('trust_anchor', ctx.clock.now());
  if (!anchor) throw new AppError('INTERNAL', 'no trust anchor');
  return trustAnchorOf(anchor.record);
}

export async function signedTrustList(ctx: ServiceContext): Promise<Uint8Array> {
  const now = ctx.clock.now();
  const keys = (await ctx.keys.all()).filter((k) => k.purpose === 'display_code').map((k) => k.record);
  const signer = await ctx.keys.signer('trust_anchor', now);
  if (!signer) throw new AppError('INTERNAL', 'no trust anchor');
  return signTrustList(buildTrustList(keys, now, ctx.credentials.trustListValiditySeconds), signer);
}
