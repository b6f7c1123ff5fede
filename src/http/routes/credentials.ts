// Display codes, verification, and what offline verifiers cache (DESIGN §3, §5).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { issueDisplayCode } from '../../services/credentials/issue-display-code.ts';
import { authenticateVerifier, verifyCode } from '../../services/credentials/verify-code.ts';
import { admitVerification } from '../../services/credentials/admit-verification.ts';
import { CHALLENGE_PATTERN, createChallenge } from '../../services/credentials/verify-challenges.ts';
import { listStatusLists, signedStatusList } from '../../services/credentials/status-list-tokens.ts';
import { jwks, signedTrustList, trustAnchor } from '../../services/credentials/published-keys.ts';
import { errors, IdParams } from '../schemas/common.ts';
import { DisplayCode } from '../schemas/me.ts';
import { StatusListIndex, TrustAnchorAnswer, VerifyAnswer, VerifyChallenge } from '../schemas/verify.ts';
import type { App } from '../types.ts';

/** The verify route answers any string up to this size with a verdict (the library caps what it decodes). */
const VERIFY_BODY_LIMIT = 1024 * 1024;

function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  body: Uint8Array,
  type: string,
  maxAge: number,
) {
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  void reply.header('cache-control', `public, max-age=${maxAge}`).header('etag', etag);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(type).send(Buffer.from(body));
}

export function credentialRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/cards/:id/display-codes',
    {
      schema: {
        tags: ['resident'],
        summary: "A fresh live display code for one of my cards (or a ward's)",
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object(
          { challenge: Type.Optional(Type.String({ pattern: CHALLENGE_PATTERN })) },
          { additionalProperties: false },
        ),
        response: {
          201: DisplayCode,
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issueDisplayCode(ctx, req.principal, req.params.id, req.body.challenge)),
  );

  app.post(
    '/verify',
    {
      bodyLimit: VERIFY_BODY_LIMIT,
      config: { acceptsAnyString: true },
      schema: {
        tags: ['verifier'],
        summary:
          'Check a display code or a confirmation form’s QR. An authorised verifier key (x-verifier-key) widens `card` to the full record',
        body: Type.Object(
          {
            code: Type.String({ description: 'the scanned text; any string gets a verdict' }),
            challenge: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: VerifyAnswer,
          ...errors(400, 429),
        },
      },
    },
    async (req) => {
      const header = req.headers['x-verifier-key'];
      const verifier = await authenticateVerifier(ctx, typeof header === 'string' ? header : undefined);
      await admitVerification(ctx, verifier, req.ip);
      return verifyCode(ctx, req.body, verifier);
    },
  );

  app.post(
    '/verify/challenges',
    {
      schema: {
        tags: ['verifier'],
        summary: 'A short challenge for the holder to bind into the code (challenge mode)',
        response: { 201: VerifyChallenge },
      },
    },
    async (_req, reply) => reply.status(201).send(await createChallenge(ctx)),
  );

  app.get(
    '/trust-list',
    {
      schema: {
        tags: ['verifier'],
        summary: 'The signed trust list (COSE_Sign1 CWT), for offline verifiers',
      },
    },
    async (req, reply) =>
      sendCached(req, reply, await signedTrustList(ctx), 'application/juzhu-trust-list+cwt', 3600),
  );

  app.get(
    '/trust-anchor',
    {
      schema: {
        tags: ['verifier'],
        summary: 'The public key that signs the trust list (pin it out of band)',
        response: {
          200: TrustAnchorAnswer,
        },
      },
    },
    async () => {
      const a = await trustAnchor(ctx);
      return { kid: a.kid, alg: a.alg, publicJwk: a.publicJwk as Record<string, unknown> };
    },
  );

  app.get(
    '/status-lists',
    {
      schema: {
        tags: ['verifier'],
        summary: 'The status lists in use, for offline verifiers to cache all of them',
        response: {
          200: StatusListIndex,
        },
      },
    },
    async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(await listStatusLists(ctx)),
  );

  app.get(
    '/status-lists/:n',
    {
      schema: {
        tags: ['verifier'],
        summary: 'A signed Token Status List (CWT), 2 bits per card',
        params: Type.Object({ n: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }),
        response: errors(400, 404),
      },
    },
    async (req, reply) => {
      const list = await signedStatusList(ctx, req.params.n);
      return sendCached(
        req,
        reply,
        list.token,
        'application/statuslist+cwt',
        ctx.credentials.statusListTtlSeconds,
      );
    },
  );
}

/** GET /.well-known/jwks.json (outside /api/v1, where JWKS clients look). */
export function wellKnownRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: ['verifier'], summary: 'Public display-code keys with their validity windows' } },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await jwks(ctx)),
  );
}
