// GET /me/notifications: what the platform told the resident (decisions, reminders, notices),
// newest first, in the reader's language, with whether the SMS went out (docs/notifications.md).
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { requireResident } from '../../services/staff/access.ts';
import { listResidentNotifications, setResidentLanguage } from '../../services/notifications/outbox.ts';
import { languages, pickLanguage } from '../../i18n/language.ts';
import { notificationKinds } from '../../i18n/notification-texts.ts';
import { errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const NotificationView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: `one of ${notificationKinds.join(', ')}` }),
  text: Type.String({ description: "in the reader's language (Accept-Language)" }),
  params: Type.Record(Type.String(), Type.String(), {
    description: 'the values in the text: applicationId, cardId, appointmentId, dates (YYYY-MM-DD)…',
  }),
  sms: Type.Union(
    [Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('none')],
    {
      description: 'none: not texted (no phone on the account)',
    },
  ),
  createdAt: Type.String({ format: 'date-time' }),
});

export function notificationRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['resident'],
        summary: 'What I was told: decisions, reminders and notices, newest first (the last 50)',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(NotificationView), ...errors(401, 403) },
      },
    },
    (req) =>
      listResidentNotifications(
        ctx,
        requireResident(req.principal),
        pickLanguage(req.headers['accept-language']),
      ),
  );

  app.put(
    '/me/language',
    {
      schema: {
        tags: ['resident'],
        summary: 'The language my SMS are in (the wallet sets it when I switch; login sets it too)',
        security: [{ bearer: [] }],
        body: Type.Object(
          { language: Type.Union(languages.map((l) => Type.Literal(l))) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await setResidentLanguage(ctx, requireResident(req.principal), req.body.language);
      return reply.status(204).send(null);
    },
  );
}
