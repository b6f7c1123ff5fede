import { Type } from 'typebox';
import type { Database } from '../../db/client.ts';
import type { App } from '../types.ts';

export function healthRoutes(app: App, database: Database): void {
  app.get(
    '/healthz',
    { schema: { tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    () => ({
      status: 'ok' as const,
    }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable') }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await database.ping();
        return { status: 'ready' as const, database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
