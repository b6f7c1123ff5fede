// The due date, the working days left and the overdue flag of one application, as the queue and
// the detail show them.
import type { IsoDate } from '../../domain/beijing-date.ts';
import { isOpen, overdueStatuses, type ApplicationStatus } from '../../domain/applications/application.ts';
import { workingDaysLeft } from '../../domain/applications/time-left.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { isAppError } from '../../domain/errors.ts';

export function timeLimitOf(
  calendar: WorkingDayCalendar,
  app: { status: ApplicationStatus; dueBy: IsoDate; dueByProvisional: boolean },
  today: IsoDate,
): { dueBy: IsoDate; dueByProvisional: boolean; workingDaysLeft: number | null; overdue: boolean } {
  let left: number | null;
  try {
    // A provisional due date is counted down on the same provisional calendar it was set on.
    left = workingDaysLeft(
      app.dueByProvisional ? calendar.provisional : calendar,
      app.status,
      app.dueBy,
      today,
    );
  } catch (e) {
    // A due date in a year whose calendar is not loaded: the count is unknown, not guessed.
    if (!isAppError(e) || e.code !== 'CALENDAR_DATA_MISSING') throw e;
    left = null;
  }
  return {
    dueBy: app.dueBy,
    // The mark says the date may still move when the year is published: it matters only while
    // the review runs, not once the application is decided or withdrawn.
    dueByProvisional: app.dueByProvisional && isOpen(app.status),
    workingDaysLeft: left,
    overdue: overdueStatuses.includes(app.status) && today > app.dueBy,
  };
}
