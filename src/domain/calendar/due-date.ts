// The due date of an application (DESIGN §2: issued within n working days of acceptance). Past the
// published calendar it is computed on the provisional one and marked so (docs/calendar.md).
import type { IsoDate } from '../beijing-date.ts';
import type { WorkingDayCalendar } from './working-days.ts';

export interface DueDate {
  dueBy: IsoDate;
  /** Counted partly on a year whose official arrangement is not loaded yet. */
  dueByProvisional: boolean;
}

export function dueDate(calendar: WorkingDayCalendar, acceptedOn: IsoDate, workingDays: number): DueDate {
  const dueBy = calendar.provisional.addWorkingDays(acceptedOn, workingDays);
  return { dueBy, dueByProvisional: calendar.reachesUncovered(acceptedOn, dueBy) };
}
