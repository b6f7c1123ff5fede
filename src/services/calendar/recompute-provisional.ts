// When an admin changes the calendar (loads a year, sets or removes an override), every due date
// counted on the provisional calendar is counted again on the calendar as it now stands, in the
// same transaction: the applications' (from acceptance, with the review period in force) and the
// verification visits' (from the day of issue). A due date that still reaches an unpublished year
// stays marked provisional; each changed one is audited (recount-due-dates.ts).
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { readWorkingDayCalendar } from './load-calendar.ts';
import { recomputeProvisionalApplicationDueDates } from './recompute-provisional-applications.ts';
import { recomputeProvisionalVisitDueDates } from './recompute-provisional-visits.ts';
import type { Actor } from '../actor.ts';

export interface Recounted {
  applications: number;
  visits: number;
}

export async function recomputeProvisionalDueDates(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  actor: Actor,
  now: Date,
): Promise<Recounted> {
  const calendar = await readWorkingDayCalendar(tx);
  return {
    applications: await recomputeProvisionalApplicationDueDates(ctx, tx, calendar, actor, now),
    visits: await recomputeProvisionalVisitDueDates(ctx, tx, calendar, actor, now),
  };
}
