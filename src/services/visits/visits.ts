// The use cases of verification visits (R14) behind /api/v1/staff/visits. Each entry authorises
// first (role, then jurisdiction: community police their station's streets, officers their
// district, services/staff/jurisdiction.ts), then does the work in one transaction, audited.
// Revoking from a visit is the one revocation use case (services/cards/revoke-card.ts) with the
// reviewing officer as actor, in the visit's transaction.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { AppError } from '../../domain/errors.ts';
import { FieldError } from '../../domain/validation-problem.ts';
import {
  outcomeNeedsNote,
  statusAfterOutcome,
  statusAfterReview,
  type ReviewDecision,
  type VisitOutcome,
  type VisitStatus,
} from '../../domain/visits/visit.ts';
import type { Db } from '../../db/client.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { cards, staff, stations, visits } from '../../db/schema/index.ts';
import { sealNote } from '../../db/repositories/staff-notes.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext, StaffPrincipal } from '../context.ts';
import { auditedAs, staffActor } from '../actor.ts';
import { requireStaff } from '../staff/access.ts';
import { visitScope } from '../staff/jurisdiction.ts';
import { historyOf } from '../staff/history.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { revokeCardAs } from '../cards/revoke-card.ts';
import { selectVisits, toVisitView, type VisitView } from './visit-view.ts';

export interface VisitQuery {
  status?: VisitStatus[] | undefined;
  street?: string | undefined;
  assigned?: 'me' | 'unassigned' | undefined;
  overdue?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Who reads: a staff member (their jurisdiction) or an operator at the command line (the city). */
type Reader = { member: StaffPrincipal } | { operator: true; streets?: string[] };

async function page(ctx: ServiceContext, reader: Reader, query: VisitQuery, order: 'due' | 'recorded') {
  const today = beijingDate(ctx.clock.now());
  const member = 'member' in reader ? reader.member : null;
  const where = and(
    member ? visitScope(member) : undefined,
    'streets' in reader && reader.streets ? inArray(visits.streetCode, reader.streets) : undefined,
    query.status && query.status.length > 0 ? inArray(visits.status, query.status) : undefined,
    query.street ? eq(visits.streetCode, query.street) : undefined,
    query.assigned === 'me' ? (member ? eq(visits.assignedTo, member.staffId) : sql`false`) : undefined,
    query.assigned === 'unassigned' ? isNull(visits.assignedTo) : undefined,
    query.overdue ? and(eq(visits.status, 'open'), sql`${visits.dueOn} < ${today}`) : undefined,
  );
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const [counted] = await ctx.db.select({ n: count() }).from(visits).where(where);
  const rows = await selectVisits(ctx.db, where)
    .orderBy(
      ...(order === 'due'
        ? [sql`${visits.status} = 'open' desc`, asc(visits.dueOn), asc(visits.createdAt)]
        : [asc(visits.recordedAt), asc(visits.dueOn)]),
      asc(visits.id),
    )
    .limit(limit)
    .offset(offset);
  const calendar = await ctx.calendar();
  return {
    total: counted?.n ?? 0,
    limit,
    offset,
    items: rows.map((r) => toVisitView(r, ctx.personal, calendar, today, ctx.policy)),
  };
}

/** GET /staff/visits: the visits of the caller's streets (community police) or district (officer). */
export async function listVisits(ctx: ServiceContext, principal: Principal | undefined, query: VisitQuery) {
  const member = requireStaff(principal, ['community_police', 'officer']);
  return page(ctx, { member }, query, 'due');
}

/**
 * `juzhu visits list`: an operator with the database's keys reads the whole city, or the streets
 * one station serves. No principal: whoever runs the command line is already trusted with it.
 */
export async function listVisitsAsOperator(
  ctx: ServiceContext,
  query: Omit<VisitQuery, 'assigned'> & { station?: string | undefined },
) {
  const [station] = query.station
    ? await ctx.db
        .select({ streets: stations.streetCodes })
        .from(stations)
        .where(eq(stations.id, query.station))
    : [undefined];
  if (query.station && !station) throw new FieldError({ field: 'station', keyword: 'invalid' });
  const reader = station
    ? { operator: true as const, streets: station.streets }
    : { operator: true as const };
  return page(ctx, reader, { ...query, limit: query.limit ?? 200 }, 'due');
}

/** GET /staff/visits/review: what visits found doubtful, for an officer of the district to decide. */
export async function visitReviewQueue(
  ctx: ServiceContext,
  principal: Principal | undefined,
  query: Pick<VisitQuery, 'street' | 'limit' | 'offset'>,
) {
  const officer = requireStaff(principal, ['officer']);
  return page(ctx, { member: officer }, { ...query, status: ['needs_review'] }, 'recorded');
}

async function visitInScope(tx: Db, member: StaffPrincipal, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), visitScope(member)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** `calendar` is read before any transaction opens: ctx.calendar() may read the database. */
async function readView(
  ctx: ServiceContext,
  db: Db,
  id: string,
  calendar: WorkingDayCalendar,
): Promise<VisitView> {
  const [row] = await selectVisits(db, eq(visits.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toVisitView(row, ctx.personal, calendar, beijingDate(ctx.clock.now()), ctx.policy);
}

/** GET /staff/visits/{id}: one visit with its history. */
export async function visitDetail(ctx: ServiceContext, principal: Principal | undefined, id: string) {
  const member = requireStaff(principal, ['community_police', 'officer']);
  await visitInScope(ctx.db, member, id);
  const view = await readView(ctx, ctx.db, id, await ctx.calendar());
  return { ...view, history: await historyOf(ctx.db, 'visit', [id]) };
}

/** The active community police officers serving a street: who may be put on its visits. */
function assigneesOf(db: Db, streetCode: string, staffId?: string) {
  return db
    .select({ id: staff.id, name: staff.displayName })
    .from(staff)
    .innerJoin(stations, eq(stations.id, staff.stationId))
    .where(
      and(
        staffId === undefined ? undefined : eq(staff.id, staffId),
        eq(staff.role, 'community_police'),
        eq(staff.active, true),
        sql`${streetCode} = any(${stations.streetCodes})`,
      ),
    )
    .orderBy(asc(staff.displayName), asc(staff.id));
}

/** GET /staff/visits/{id}/assignees: whom the visit may be put on. */
export async function visitAssignees(ctx: ServiceContext, principal: Principal | undefined, id: string) {
  const member = requireStaff(principal, ['community_police', 'officer']);
  const visit = await visitInScope(ctx.db, member, id);
  return assigneesOf(ctx.db, visit.streetCode);
}

/**
 * POST /staff/visits/{id}/assign: community police of the street's station, or an officer of the
 * district, put an open visit on a community police officer whose station serves the street.
 */
export async function assignVisit(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
  staffId: string,
): Promise<VisitView> {
  const member = requireStaff(principal, ['community_police', 'officer']);
  const now = ctx.clock.now();
  const calendar = await ctx.calendar();
  return writeAndAnnounce(ctx, async (tx) => {
    const visit = await visitInScope(tx, member, id, true);
    if (visit.status !== 'open') {
      throw new AppError('INVALID_TRANSITION', `a ${visit.status} visit is not assigned`, {
        from: visit.status,
        event: 'assign',
      });
    }
    const [assignee] = await assigneesOf(tx, visit.streetCode, staffId);
    // Not a community police officer serving the street (or nobody at all): the field is wrong.
    if (!assignee) throw new FieldError({ field: 'staffId', keyword: 'invalid' });
    await tx.update(visits).set({ assignedTo: assignee.id, assignedAt: now }).where(eq(visits.id, id));
    await recordAudit(tx, {
      at: now,
      ...auditedAs(staffActor(member)),
      action: 'visit.assigned',
      subjectKind: 'visit',
      subjectId: id,
      details: { assignedTo: assignee.id },
    });
    return readView(ctx, tx, id, calendar);
  });
}

/**
 * POST /staff/visits/{id}/outcome: what the community police found at the address. Only an
 * officer whose station serves the visit's street records it (VISIT_OUTSIDE_STREETS otherwise);
 * `not_found` and `mismatch` need a note and go to the district's officers for review.
 */
export async function recordVisitOutcome(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
  body: { outcome: VisitOutcome; note?: string | undefined },
): Promise<VisitView> {
  const police = requireStaff(principal, ['community_police']);
  const note = body.note?.trim() ?? '';
  if (outcomeNeedsNote(body.outcome) && note.length === 0) {
    throw new FieldError({ field: 'note', keyword: 'required' });
  }
  const now = ctx.clock.now();
  const calendar = await ctx.calendar();
  return writeAndAnnounce(ctx, async (tx) => {
    const [visit] = await tx.select().from(visits).where(eq(visits.id, id)).for('update');
    if (!visit) throw new AppError('NOT_FOUND');
    const [inScope] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(and(eq(visits.id, id), visitScope(police)));
    if (!inScope) throw new AppError('VISIT_OUTSIDE_STREETS');
    const status = statusAfterOutcome(visit.status, body.outcome);
    await tx
      .update(visits)
      .set({
        status,
        outcome: body.outcome,
        noteSealed: sealNote(ctx.personal, 'visits.note', note.length > 0 ? note : null),
        recordedBy: police.staffId,
        recordedAt: now,
        // Whoever went is on it, if nobody was.
        assignedTo: visit.assignedTo ?? police.staffId,
        assignedAt: visit.assignedAt ?? now,
      })
      .where(eq(visits.id, id));
    await recordAudit(tx, {
      at: now,
      ...auditedAs(staffActor(police)),
      action: 'visit.outcome_recorded',
      subjectKind: 'visit',
      subjectId: id,
      details: { outcome: body.outcome, status },
    });
    return readView(ctx, tx, id, calendar);
  });
}

/**
 * POST /staff/visits/{id}/review: an officer of the district decides on a visit that found no such
 * resident or someone else: revoke the card (its current version), with a reason the holder sees,
 * or keep it, saying why. Both need the reason.
 */
export async function reviewVisit(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
  body: { decision: ReviewDecision; reason: string },
): Promise<VisitView> {
  const officer = requireStaff(principal, ['officer']);
  const reason = body.reason.trim();
  if (reason.length === 0) throw new FieldError({ field: 'reason', keyword: 'required' });
  const now = ctx.clock.now();
  const calendar = await ctx.calendar();
  return writeAndAnnounce(ctx, async (tx, announce) => {
    const visit = await visitInScope(tx, officer, id, true);
    const status = statusAfterReview(visit.status, body.decision);
    let revokedCardId: string | null = null;
    if (body.decision === 'revoke') {
      // A replacement since the visit made a newer version: that is the one in use.
      const [visited] = await tx.select().from(cards).where(eq(cards.id, visit.cardId));
      if (!visited) throw new AppError('NOT_FOUND');
      const [current] = await tx
        .select({ id: cards.id })
        .from(cards)
        .where(and(eq(cards.number, visited.number), eq(cards.storedStatus, 'active')))
        .orderBy(desc(cards.version))
        .limit(1);
      const revoked = await revokeCardAs(
        ctx,
        staffActor(officer),
        { cardId: current?.id ?? visited.id, reason, details: { visitId: id } },
        { tx, announce },
      );
      revokedCardId = revoked.id;
    }
    await tx
      .update(visits)
      .set({
        status,
        reviewNoteSealed: sealNote(ctx.personal, 'visits.review_note', reason),
        reviewedBy: officer.staffId,
        reviewedAt: now,
      })
      .where(eq(visits.id, id));
    await recordAudit(tx, {
      at: now,
      ...auditedAs(staffActor(officer)),
      action: 'visit.reviewed',
      subjectKind: 'visit',
      subjectId: id,
      details: { decision: body.decision, status, revokedCardId },
    });
    return readView(ctx, tx, id, calendar);
  });
}
