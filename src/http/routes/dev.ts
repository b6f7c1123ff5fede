// Demo mode only: the messages the SMS gateway would have sent. Not registered in production.
import { desc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { devOutbox } from '../../db/schema/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { App } from '../types.ts';

export function devRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/dev/outbox',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demo mode only: messages sent, newest first',
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              to: Type.String(),
              text: Type.String(),
              sentAt: Type.String({ format: 'date-time' }),
            }),
          ),
        },
      },
    },
    async (req) => {
      const base = ctx.db.select().from(devOutbox);
      // Found by the phone's blind index, opened for the page (the table holds no phone or text in clear).
      const to = req.query.to;
      const rows = await (to ? base.where(eq(devOutbox.toIndex, ctx.personal.indexHex('phone', to))) : base)
        .orderBy(desc(devOutbox.sentAt), desc(devOutbox.id))
        .limit(50);
      return rows.map((r) => ({
        to: ctx.personal.openOrNull('dev_outbox.to', r.toSealed) ?? '',
        text: ctx.personal.openOrNull('dev_outbox.text', r.textSealed) ?? '',
        sentAt: r.sentAt.toISOString(),
      }));
    },
  );
}
