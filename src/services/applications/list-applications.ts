// The applicant's own applications. (The staff queue and detail are in services/staff/.)
import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { applications } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
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
  return rows.map((row) => toApplicationView(ctx.personal, row));
}

export async function getOwnApplication(
  ctx: ServiceContext,
  residentId: string,
  id: string,
): Promise<ApplicationView> {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  if (!row || row.applicantId !== residentId) throw new AppError('NOT_FOUND');
  return toApplicationView(ctx.personal, row);
}
