// Stations and staff accounts (admin, DESIGN §4). A station serves one real district and real
// streets of it; a staff member belongs to a station (admins to none); passwords are stored as
// argon2id hashes; a deactivated account's sessions end at once.
import { hash } from '@node-rs/argon2';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { findDistrict, listStreets } from '../../domain/address/beijing-divisions.ts';
import { sessions, staff, stations } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { translateDbError } from '../../db/errors.ts';
import type { Principal, ServiceContext, StaffRole } from '../context.ts';
import { requireStaff } from '../staff/access.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { FieldError } from '../../domain/validation-problem.ts';
import { auditedAs, type Actor } from '../actor.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** A staff password: long enough, and not the username in disguise. */
export function checkPassword(username: string, password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH || password.toLowerCase().includes(username.toLowerCase())) {
    throw new FieldError({
      field: 'password',
      keyword: 'rule',
      rule: 'password_weak',
      values: { min: MIN_PASSWORD_LENGTH },
    });
  }
}

/**
 * Ends every session of a staff member, keeping why, so a console using one is told
 * (ACCOUNT_DEACTIVATED or SESSION_EXPIRED) rather than a bare "sign in".
 */
export async function endStaffSessions(
  tx: Db,
  staffId: string,
  reason: 'deactivated' | 'password_reset',
): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedReason: reason })
    .where(
      and(eq(sessions.subjectKind, 'staff'), eq(sessions.subjectId, staffId), isNull(sessions.endedReason)),
    );
}

export interface StationInput {
  id: string;
  name: string;
  kind: 'police_station' | 'service_station';
  districtCode: string;
  streetCodes: string[];
  address: string;
}

export interface StaffInput {
  username: string;
  displayName: string;
  role: StaffRole;
  stationId: string | null;
  password: string;
}

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  stationId: string | null;
  active: boolean;
  /** Whether a TOTP second factor is enrolled (never the secret itself). */
  secondFactor: boolean;
}

const staffView = (r: typeof staff.$inferSelect): StaffView => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  stationId: r.stationId,
  active: r.active,
  secondFactor: r.totpSecret !== null,
});

export async function listStationsForAdmin(ctx: ServiceContext, principal: Principal | undefined) {
  requireStaff(principal, ['admin']);
  return ctx.db.select().from(stations).orderBy(asc(stations.districtCode), asc(stations.id));
}

export async function createStation(ctx: ServiceContext, actor: Actor, input: StationInput) {
  if (!findDistrict(input.districtCode))
    throw new AppError('ADDRESS_UNKNOWN', undefined, {}, { field: 'districtCode' });
  const streets = new Set(listStreets(input.districtCode).map((s) => s.code));
  const foreign = input.streetCodes.filter((c) => !streets.has(c));
  if (foreign.length > 0)
    throw new AppError('ADDRESS_UNKNOWN', undefined, {}, { field: 'streetCodes', streets: foreign });
  const now = ctx.clock.now();
  return ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(stations)
        .values({ ...input, createdAt: now })
        .returning();
      if (!row) throw new Error('station insert returned no row');
      await recordAudit(tx, {
        at: now,
        ...auditedAs(actor),
        action: 'station.created',
        subjectKind: 'station',
        subjectId: row.id,
        details: { districtCode: row.districtCode },
      });
      return row;
    })
    .catch(translateDbError);
}

export async function listStaff(ctx: ServiceContext, principal: Principal | undefined): Promise<StaffView[]> {
  requireStaff(principal, ['admin']);
  return (await ctx.db.select().from(staff).orderBy(asc(staff.username))).map(staffView);
}

export async function createStaff(ctx: ServiceContext, actor: Actor, input: StaffInput): Promise<StaffView> {
  if ((input.role === 'admin') !== (input.stationId === null)) {
    throw new FieldError({
      field: 'stationId',
      keyword: 'rule',
      rule: input.role === 'admin' ? 'admin_has_no_station' : 'station_member_needs_station',
    });
  }
  checkPassword(input.username, input.password);
  const passwordHash = await hash(input.password);
  const now = ctx.clock.now();
  return ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(staff)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          stationId: input.stationId,
          passwordHash,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error('staff insert returned no row');
      await recordAudit(tx, {
        at: now,
        ...auditedAs(actor),
        action: 'staff.created',
        subjectKind: 'staff',
        subjectId: row.id,
        stationId: row.stationId,
        details: { role: row.role },
      });
      return staffView(row);
    })
    .catch(translateDbError);
}

export async function deactivateStaff(ctx: ServiceContext, actor: Actor, id: string): Promise<StaffView> {
  if (id === actor.id) {
    throw new FieldError({ field: 'id', keyword: 'rule', rule: 'own_account' });
  }
  const now = ctx.clock.now();
  return writeAndAnnounce(ctx, async (tx, announce) => {
    const [row] = await tx.update(staff).set({ active: false }).where(eq(staff.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND');
    await endStaffSessions(tx, id, 'deactivated');
    // Every process forgets the account's sessions at once.
    announce({ kind: 'sessions_of', subjectId: id });
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'staff.deactivated',
      subjectKind: 'staff',
      subjectId: id,
      stationId: row.stationId,
    });
    return staffView(row);
  });
}
