// `Idempotency-Key` on the API's POSTs (draft-ietf-httpapi-idempotency-key-header): a retry with the
// same key and the same request gets the first answer (with `Idempotent-Replayed: true`), the same
// key with another request 422, while the first is still running 409. Keys belong to the signed-in
// caller; sign-in itself (its answer is a session) and verification (nothing is created) take none.
// Runs after validation and authentication: a refused body claims no key.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { FieldError } from '../../domain/validation-problem.ts';
import type { ServiceContext } from '../../services/context.ts';
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
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.url}\n`)
      .update(JSON.stringify(req.body ?? null))
      .digest('base64url');
    const claim = await claimIdempotencyKey(ctx, caller, key, fingerprint);
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
