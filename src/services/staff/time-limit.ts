// The due date, the working days left and the overdue flag of one application, as the queue and
// the detail show them.
import type { IsoDate } from '../../domain/beijing-date.ts';
import { overdueStatuses, type ApplicationStatus } from '../../domain/applications/application.ts';
import { workingDaysLeft } from '../../domain/applications/time-left.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { isAppError } from '../../domain/errors.ts';

export function timeLimitOf(
  calendar: WorkingDayCalendar,
  app: { status: ApplicationStatus; dueBy: IsoDate },
  today: IsoDate,
): { dueBy: IsoDate; workingDaysLeft: number | null; overdue: boolean } {
  let left: number | null;
  try {
    left = workingDaysLeft(calendar, app.status, app.dueBy, today);
  } catch (e) {
    // A due date in a year whose calendar is not loaded: the count is unknown, not guessed.
    if (!isAppError(e) || e.code !== 'CALENDAR_DATA_MISSING') throw e;
    left = null;
  }
  return {
    dueBy: app.dueBy,
    workingDaysLeft: left,
    overdue: overdueStatuses.includes(app.status) && today > app.dueBy,
  };
}
