import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';

/**
 * Completed years of age on a date (周岁). A year is completed on the birthday's anniversary;
 * someone born on 29 February completes it on 1 March in a common year, not on 28 February: the
 * later reading, so an age limit (a minor under 16 needs a guardian to apply, DESIGN §2) lifts
 * only once the year is complete under either reading.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) throw new RangeError(`not a date: ${birthDate} / ${on}`);
  if (on < birthDate) throw new RangeError(`${on} is before the birth date ${birthDate}`);
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // 'MM-DD' compares as text; 29 Feb is after 28 Feb and before 1 Mar, which gives the 1 March rule.
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
