// The applicant's own applications, and the station's queue (the district's for an officer, the
// clerk's own station's for a clerk: see applicationScope).
import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { overdueStatuses, type ApplicationStatus } from '../../domain/applications/application.ts';
import { applications, materials } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { applicationInJurisdiction, applicationScope, requireStaff } from '../staff/access.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';

export async function listOwnApplications(
  ctx: ServiceContext,
  residentId: string,
): Promise<ApplicationView[]> {
  const rows = await ctx.db
    .select()
    .from(applications)
    .where(eq(applications.applicantId, residentId))
    .orderBy(desc(applications.createdAt));
  return rows.map(toApplicationView);
}

export async function getOwnApplication(
  ctx: ServiceContext,
  residentId: string,
  id: string,
): Promise<ApplicationView> {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  if (!row || row.applicantId !== residentId) throw new AppError('NOT_FOUND');
  return toApplicationView(row);
}

export interface QueueFilter {
  status?: ApplicationStatus | undefined;
  overdue?: boolean | undefined;
  limit?: number | undefined;
}

export async function stationQueue(
  ctx: ServiceContext,
  principal: Principal | undefined,
  filter: QueueFilter,
): Promise<(ApplicationView & { overdue: boolean })[]> {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const today = beijingDate(ctx.clock.now());
  const conditions: SQL[] = [applicationScope(member)];
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  if (filter.overdue) {
    conditions.push(inArray(applications.status, [...overdueStatuses]), lt(applications.dueBy, today));
  }
  const rows = await ctx.db
    .select()
    .from(applications)
    .where(and(...conditions))
    .orderBy(asc(applications.dueBy), asc(applications.createdAt))
    .limit(filter.limit ?? 200);
  return rows.map((r) => ({
    ...toApplicationView(r),
    overdue: overdueStatuses.includes(r.status) && today > r.dueBy,
  }));
}

export interface StaffApplicationDetail extends ApplicationView {
  overdue: boolean;
  addressDetail: string;
  addressFlags: string[];
  basis: string | null;
  eligibility: Record<string, unknown> | null;
  proxy: Record<string, unknown> | null;
  materials: {
    id: string;
    kind: string;
    contentType: string;
    size: number;
    round: number;
    uploadedAt: string;
  }[];
}

export async function staffApplicationDetail(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
): Promise<StaffApplicationDetail> {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const row = await applicationInJurisdiction(ctx.db, member, id);
  const files = await ctx.db
    .select()
    .from(materials)
    .where(eq(materials.applicationId, id))
    .orderBy(asc(materials.uploadedAt));
  const today = beijingDate(ctx.clock.now());
  return {
    ...toApplicationView(row),
    overdue: overdueStatuses.includes(row.status) && today > row.dueBy,
    addressDetail: row.addressDetail,
    addressFlags: row.addressFlags,
    basis: row.basis,
    eligibility: row.eligibility ?? null,
    proxy: row.proxy ?? null,
    materials: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      contentType: f.contentType,
      size: f.size,
      round: f.round,
      uploadedAt: f.uploadedAt.toISOString(),
    })),
  };
}
