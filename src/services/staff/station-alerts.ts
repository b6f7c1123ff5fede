// GET /staff/alerts: the alerts the jobs stored for the caller's station (docs/jobs.md), newest
// first, for the role that acts on them (DESIGN §4): an officer the applications past their due
// date (`review_overdue`), community police the verification visits past theirs (`visit_overdue`).
// Each alert is joined to its application or visit within the caller's jurisdiction
// (jurisdiction.ts), so an alert never leads to something the caller may not open; `open` says
// whether it still stands (the application still undecided, the visit still not made, by that due
// date), and the open ones are what the console's navigation counts.
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { overdueStatuses } from '../../domain/applications/application.ts';
import { AppError } from '../../domain/errors.ts';
import { applications, notifications, visits } from '../../db/schema/index.ts';
import { notificationText } from '../../i18n/notification-texts.ts';
import type { Language } from '../../i18n/language.ts';
import type { Principal, ServiceContext, StaffPrincipal } from '../context.ts';
import { requireStaff } from './access.ts';
import { applicationScope, visitScope } from './jurisdiction.ts';
import { overdueApplicationNames, type ApplicationName } from './overdue-application-names.ts';

export interface AlertView {
  id: string;
  kind: 'review_overdue' | 'visit_overdue';
  text: string;
  subject: { kind: 'application' | 'visit'; id: string };
  dueOn: string;
  open: boolean;
  createdAt: string;
}

export interface AlertPage {
  items: AlertView[];
  total: number;
  /** Alerts that still stand, across all pages. */
  open: number;
  limit: number;
  offset: number;
}

/** What an alert of the member's role points at, and whether it still stands. */
function alertSource(member: StaffPrincipal) {
  if (member.role === 'officer') {
    return {
      kind: 'review_overdue' as const,
      subject: 'application' as const,
      table: applications,
      join: eq(applications.id, sql`(${notifications.params}->>'applicationId')::uuid`),
      scope: applicationScope(member),
      open: and(
        inArray(applications.status, [...overdueStatuses]),
        sql`${applications.dueBy}::text = ${notifications.params}->>'dueBy'`,
      ) as SQL,
      dueParam: 'dueBy',
    };
  }
  return {
    kind: 'visit_overdue' as const,
    subject: 'visit' as const,
    table: visits,
    join: eq(visits.id, sql`(${notifications.params}->>'visitId')::uuid`),
    scope: visitScope(member),
    open: and(
      eq(visits.status, 'open'),
      sql`${visits.dueOn}::text = ${notifications.params}->>'dueOn'`,
    ) as SQL,
    dueParam: 'dueOn',
  };
}

export async function listStationAlerts(
  ctx: Pick<ServiceContext, 'db' | 'personal'>,
  principal: Principal | undefined,
  query: { limit?: number | undefined; offset?: number | undefined },
  lang: Language,
): Promise<AlertPage> {
  const member = requireStaff(principal, ['officer', 'community_police']);
  if (member.stationId === null) throw new AppError('FORBIDDEN');
  const source = alertSource(member);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const where = and(
    eq(notifications.stationId, member.stationId),
    eq(notifications.kind, source.kind),
    source.scope,
  );
  const [counted] = await ctx.db
    .select({ total: count(), open: sql<number>`count(*) filter (where ${source.open})`.mapWith(Number) })
    .from(notifications)
    .innerJoin(source.table, source.join)
    .where(where);
  // A station's alert keeps its values in clear (ids and dates: outbox.ts, notify).
  const rows = (
    await ctx.db
      .select({
        id: notifications.id,
        params: notifications.params,
        createdAt: notifications.createdAt,
        open: sql<boolean>`coalesce(${source.open}, false)`,
      })
      .from(notifications)
      .innerJoin(source.table, source.join)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset)
  ).map((r) => ({ ...r, params: r.params ?? {} }));
  const subjectParam = source.subject === 'application' ? 'applicationId' : 'visitId';
  const names =
    source.subject === 'application'
      ? await overdueApplicationNames(
          ctx.db,
          ctx.personal,
          rows.map((r) => r.params[subjectParam] ?? ''),
        )
      : new Map<string, ApplicationName>();
  const textParams = (params: Record<string, string>): Record<string, string> => {
    const name = names.get(params[subjectParam] ?? '');
    return name ? { ...params, ...name, applicant: name.applicant ?? '' } : params;
  };
  return {
    total: counted?.total ?? 0,
    open: counted?.open ?? 0,
    limit,
    offset,
    items: rows.map((r) => ({
      id: r.id,
      kind: source.kind,
      text: notificationText(source.kind, textParams(r.params), lang),
      subject: { kind: source.subject, id: r.params[subjectParam] ?? '' },
      dueOn: r.params[source.dueParam] ?? '',
      open: r.open,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
