// GET /staff/alerts: the station's stored alerts for the caller's role (officers: overdue
// reviews; community police: overdue visits). Role and jurisdiction are checked in the service
// (services/staff/station-alerts.ts); see test/staff-alerts.int.test.ts.
import type { ServiceContext } from '../../services/context.ts';
import { listStationAlerts } from '../../services/staff/station-alerts.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { errors } from '../schemas/common.ts';
import { AlertPage, AlertQuery } from '../schemas/alerts.ts';
import type { App } from '../types.ts';

export function staffAlertRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/alerts',
    {
      schema: {
        tags: ['staff'],
        summary:
          "The alerts of the caller's station, newest first: overdue reviews for an officer, overdue verification visits for community police",
        security: [{ bearer: [] }],
        querystring: AlertQuery,
        response: { 200: AlertPage, ...errors(400, 401, 403) },
      },
    },
    (req) => listStationAlerts(ctx, req.principal, req.query, pickLanguage(req.headers['accept-language'])),
  );
}
