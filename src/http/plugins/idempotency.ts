// `Idempotency-Key` on the API's POSTs (draft-ietf-httpapi-idempotency-key-header): a retry with the
// same key and the same request gets the first answer (with `Idempotent-Replayed: true`), the same
// key with another request 422, while the first is still running 409. Keys belong to the signed-in
// caller; sign-in itself (its answer is a session) and verification (nothing is created) take none.
// Runs after validation and authentication: a refused body claims no key.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { FieldError } from '../../domain/validation-problem.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../../services/idempotency/idempotency-keys.ts';
import type { App } from '../types.ts';

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const EXEMPT = /^\/api\/v1\/(auth\/|verify$|dev\/)/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyId?: string;
  }
}

const requestText = (method: string, url: string, body: unknown): string =>
  `${method} ${url}\n${JSON.stringify(body ?? null)}`;

/**
 * What a key's row keeps of its request, to tell a retry from another request: HMAC-SHA-256 of
 * method, URL and body under the request key (src/crypto/keyed-digest.ts). A plain SHA-256 let a
 * dump confirm a body whose every field was guessed.
 */
export const requestFingerprint = (
  personal: PersonalCipher,
  method: string,
  url: string,
  body: unknown,
): string => personal.digest('request', requestText(method, url, body)).toString('base64url');

/**
 * The unkeyed SHA-256 releases before stored. A retry of a request the upgrade cut off is the very
 * one that must replay, so a held key's old fingerprint is still accepted; keys live 24 hours
 * (KEEP_HOURS), after which none is left and a later release removes this.
 */
const unkeyedFingerprint = (method: string, url: string, body: unknown): string =>
  createHash('sha256')
    .update(requestText(method, url, body))
    .digest('base64url');

function callerOf(req: FastifyRequest): string | undefined {
  const p = req.principal;
  if (!p) return undefined;
  return p.kind === 'resident' ? `resident:${p.residentId}` : `staff:${p.staffId}`;
}

export function registerIdempotency(app: App, ctx: ServiceContext): void {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return;
    const path = req.url.split('?')[0]!;
    if (!path.startsWith('/api/v1/') || EXEMPT.test(path)) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new FieldError({ field: 'Idempotency-Key', keyword: 'pattern' });
    }
    const caller = callerOf(req);
    if (!caller) return; // the route refuses the request for want of a session
    const fingerprint = requestFingerprint(ctx.personal, req.method, req.url, req.body);
    const claim = await claimIdempotencyKey(ctx, caller, key, fingerprint, () =>
      unkeyedFingerprint(req.method, req.url, req.body),
    );
    if (claim.claimed) {
      req.idempotencyId = claim.id;
      return;
    }
    const { status, contentType, body } = claim.answer;
    void reply.header('idempotent-replayed', 'true');
    if (contentType) void reply.type(contentType);
    return reply.status(status).send(Buffer.from(body));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const id = req.idempotencyId;
    if (!id) return payload;
    req.idempotencyId = undefined;
    const storable = typeof payload === 'string' || Buffer.isBuffer(payload);
    if (reply.statusCode >= 500 || reply.statusCode === 429 || !storable) {
      await releaseIdempotencyKey(ctx, id);
    } else {
      const contentType = reply.getHeader('content-type');
      await completeIdempotencyKey(ctx, id, {
        status: reply.statusCode,
        contentType: typeof contentType === 'string' ? contentType : null,
        body: typeof payload === 'string' ? Buffer.from(payload) : payload,
      });
    }
    return payload;
  });
}
