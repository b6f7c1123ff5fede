// GET /staff/statistics: the figures of the console's charts for a period, computed in SQL over
// the caller's jurisdiction (officer: the district; admin: the city or one district), never by
// shipping rows to the browser. Applications count by when they were submitted; decisions
// (every approve, reject, request for materials) come from the audit trail, where each one is.
import { and, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { addDays, beijingDate, startOfBeijingDate, type IsoDate } from '../../domain/beijing-date.ts';
import { overdueStatuses } from '../../domain/applications/application.ts';
import { AppError } from '../../domain/errors.ts';
import { applications, auditLog, stations } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from './access.ts';
import { applicationScope } from './jurisdiction.ts';
import { FieldError } from '../../domain/validation-problem.ts';

const MAX_DAYS = 3 * 366;
const DECISIONS = ['application.approve', 'application.reject', 'application.request_materials'];
/** A timestamp's Beijing date in SQL (UTC+8, no daylight saving), whatever the session time zone. */
const beijingDay = (column: SQL | typeof auditLog.at) =>
  sql`((${column} at time zone 'UTC') + interval '8 hours')::date`;

export async function staffStatistics(
  ctx: ServiceContext,
  principal: Principal | undefined,
  query: { from: IsoDate; to: IsoDate; districtCode?: string | undefined },
) {
  const member = requireStaff(principal, ['officer', 'admin']);
  if (query.to < query.from || addDays(query.from, MAX_DAYS) < query.to) {
    throw new FieldError({
      field: 'to',
      keyword: 'rule',
      rule: 'period_out_of_range',
      values: { maxDays: MAX_DAYS },
    });
  }
  // Another district is not the officer's to see: as if it did not exist.
  if (member.role !== 'admin' && query.districtCode && query.districtCode !== member.districtCode) {
    throw new AppError('NOT_FOUND');
  }
  const scope = and(
    applicationScope(member),
    query.districtCode ? eq(applications.districtCode, query.districtCode) : undefined,
  );
  const start = startOfBeijingDate(query.from);
  const end = startOfBeijingDate(addDays(query.to, 1));
  const submitted = and(scope, gte(applications.createdAt, start), lt(applications.createdAt, end));

  const countBy = async <
    C extends
      | typeof applications.status
      | typeof applications.type
      | typeof applications.channel
      | typeof applications.districtCode,
  >(
    column: C,
  ) =>
    (
      await ctx.db
        .select({ key: column, count: count() })
        .from(applications)
        .where(submitted)
        .groupBy(column)
        .orderBy(column)
    ).map((r) => ({ key: String(r.key), count: r.count }));
  const [byStatus, byType, byChannel, byDistrict] = [
    await countBy(applications.status),
    await countBy(applications.type),
    await countBy(applications.channel),
    await countBy(applications.districtCode),
  ];

  const [inTime] = await ctx.db
    .select({
      decided: count(),
      withinLimit:
        sql<number>`count(*) filter (where ${beijingDay(sql`${applications.decidedAt}`)} <= ${applications.dueBy})`.mapWith(
          Number,
        ),
    })
    .from(applications)
    .where(
      and(
        scope,
        inArray(applications.status, ['approved', 'issued', 'rejected']),
        gte(applications.decidedAt, start),
        lt(applications.decidedAt, end),
      ),
    );
  const [overdue] = await ctx.db
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        scope,
        inArray(applications.status, [...overdueStatuses]),
        lt(applications.dueBy, beijingDate(ctx.clock.now())),
      ),
    );

  const outcomes = {
    approved: sql<number>`count(*) filter (where ${auditLog.action} = 'application.approve')`.mapWith(Number),
    rejected: sql<number>`count(*) filter (where ${auditLog.action} = 'application.reject')`.mapWith(Number),
    materialsRequested:
      sql<number>`count(*) filter (where ${auditLog.action} = 'application.request_materials')`.mapWith(
        Number,
      ),
  };
  const decisions = and(
    scope,
    eq(auditLog.subjectKind, 'application'),
    inArray(auditLog.action, DECISIONS),
    gte(auditLog.at, start),
    lt(auditLog.at, end),
  );
  // audit_log.subject_id is text (it names subjects of every kind)
  const onApplication = sql`${auditLog.subjectId} = ${applications.id}::text`;
  const byStation = await ctx.db
    .select({ stationId: applications.stationId, stationName: stations.name, ...outcomes })
    .from(auditLog)
    .innerJoin(applications, onApplication)
    .innerJoin(stations, eq(stations.id, applications.stationId))
    .where(decisions)
    .groupBy(applications.stationId, stations.name)
    .orderBy(applications.stationId);
  const week = sql<string>`to_char(${beijingDay(auditLog.at)}, 'IYYY-"W"IW')`;
  const byWeek = await ctx.db
    .select({ week, ...outcomes })
    .from(auditLog)
    .innerJoin(applications, onApplication)
    .where(decisions)
    .groupBy(week)
    .orderBy(week);

  const decided = inTime?.decided ?? 0;
  const withinLimit = inTime?.withinLimit ?? 0;
  return {
    from: query.from,
    to: query.to,
    districtCode: query.districtCode ?? (member.role === 'admin' ? null : member.districtCode),
    applications: {
      total: byStatus.reduce((n, r) => n + r.count, 0),
      byStatus: byStatus.map((r) => ({ status: r.key, count: r.count })),
      byType: byType.map((r) => ({ type: r.key, count: r.count })),
      byChannel: byChannel.map((r) => ({ channel: r.key, count: r.count })),
      byDistrict: byDistrict.map((r) => ({ districtCode: r.key, count: r.count })),
    },
    decidedInTime: { decided, withinLimit, share: decided === 0 ? null : withinLimit / decided },
    overdueNow: overdue?.n ?? 0,
    decisionsByStation: byStation,
    decisionsByWeek: byWeek,
  };
}
