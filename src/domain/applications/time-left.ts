// How many working days the station has left on an application (DESIGN §2: issued within 8
// working days of acceptance, on the official calendar). Counted only while the clock runs
// (`overdueStatuses`: not while the applicant gathers missing materials, not once decided).
import type { IsoDate } from '../beijing-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { overdueStatuses, type ApplicationStatus } from './application.ts';

/**
 * Working days after `today` up to and including the due date: 0 on the due date itself,
 * negative once it has passed (-1 the first working day after it). null when the clock is not
 * running for this status.
 */
export function workingDaysLeft(
  calendar: WorkingDayCalendar,
  status: ApplicationStatus,
  dueBy: IsoDate,
  today: IsoDate,
): number | null {
  if (!overdueStatuses.includes(status)) return null;
  return dueBy >= today
    ? calendar.workingDaysBetween(today, dueBy)
    : -calendar.workingDaysBetween(dueBy, today);
}
