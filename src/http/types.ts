import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Principal } from '../services/context.ts';
import type { Refusal } from '../services/auth/authenticate.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the bearer token; undefined when anonymous. */
    principal: Principal | undefined;
    /** Why the bearer token was refused, when the caller can act on it. */
    authRefusal: Refusal | undefined;
  }
}
