import type { ServiceContext } from '../../services/context.ts';
import { staffStatistics } from '../../services/staff/statistics.ts';
import { errors } from '../schemas/common.ts';
import { Statistics, StatisticsQuery } from '../schemas/statistics.ts';
import type { App } from '../types.ts';

export function staffStatisticsRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/statistics',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Applications by status, type, channel and district; share decided in time; overdue now; decisions by station and ISO week (officer: own district; admin: city or one district)',
        security: [{ bearer: [] }],
        querystring: StatisticsQuery,
        response: { 200: Statistics, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => staffStatistics(ctx, req.principal, req.query),
  );
}
