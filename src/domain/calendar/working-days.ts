// The official working-day calendar behind the time limit of DESIGN §2 ("issued within 8 working
// days of acceptance"): weekends off, public holidays off, make-up working days (调休) on, admin
// overrides over all of it. It answers only for years whose arrangement it knows: a guessed
// calendar would set wrong legal deadlines without anyone noticing. Its `provisional` twin answers
// for unpublished years too, on weekends and the fixed-date statutory holidays only, for due dates
// that are stored marked provisional and recomputed when the year is loaded (docs/calendar.md).
import { AppError } from '../errors.ts';
import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { calendarYears, checkCalendarYear, checkOverrides } from './calendar-year.ts';
import type { CalendarOverride, CalendarYear } from './calendar-year.ts';
import { officialCalendarYears } from './official-calendar.ts';

export type { CalendarOverride, CalendarYear, DayKind } from './calendar-year.ts';

export interface WorkingDayCalendar {
  /** Sorted. */
  readonly coveredYears: readonly number[];
  /** Throws CALENDAR_DATA_MISSING outside covered years (unless an override names the day). */
  isWorkingDay(date: IsoDate): boolean;
  /** The date that is n working days after `from` (from itself not counted; n ≥ 1). */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** Working days strictly after `from` up to and including `to` (0 if to <= from). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * The same calendar, answering also for years it does not cover (within `calendarYears`) with
   * `provisionalYear`: never CALENDAR_DATA_MISSING for those. Its own `provisional` is itself.
   */
  readonly provisional: WorkingDayCalendar;
  /** True when a day strictly after `from` up to and including `to` lies in a year not covered. */
  reachesUncovered(from: IsoDate, to: IsoDate): boolean;
}

/**
 * A year whose official arrangement is not published yet, as far as the law fixes it alone. The
 * 全国年节及纪念日放假办法 (as amended 2024, in force 2025) gives every citizen 13 days off a year. Fixed
 * by the Gregorian date, and so known years ahead: New Year's Day (1 January), Labour Day (1 and 2
 * May) and National Day (1 to 3 October). Not here: the Spring Festival, the Dragon Boat Festival
 * and the Mid-Autumn Festival follow the lunar calendar, and Qingming is a solar term (4 or 5
 * April), whose dates we would have to compute; nor the weekdays the State Council gives off for
 * a holiday on a weekend, nor the make-up working days (调休), which only the annual notice sets.
 * Missing days off make a provisional due date earlier, never later: a provisional deadline never
 * lets the station take longer than the law allows.
 */
export function provisionalYear(year: number): CalendarYear {
  return {
    year,
    daysOff: ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'].map((md) => `${year}-${md}`),
    makeUpWorkingDays: [],
  };
}

const DAY_MS = 86_400_000;

// A day is a (year, index in year) pair so that walking forward needs no date parsing.
const daysInYear = (y: number): number => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
const toIsoDate = (y: number, i: number): IsoDate =>
  new Date(Date.UTC(y, 0, 1 + i)).toISOString().slice(0, 10);

function toDay(date: IsoDate): [year: number, index: number] {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${String(date)}`);
  const y = Number(date.slice(0, 4));
  const time = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return [y, (time - Date.UTC(y, 0, 1)) / DAY_MS];
}

/** One flag per day of the year: 1 = working day. */
function buildYearTable(year: CalendarYear): Uint8Array {
  const table = new Uint8Array(daysInYear(year.year));
  const jan1Weekday = new Date(Date.UTC(year.year, 0, 1)).getUTCDay();
  for (let i = 0; i < table.length; i++) {
    const weekday = (jan1Weekday + i) % 7;
    table[i] = weekday === 0 || weekday === 6 ? 0 : 1;
  }
  for (const d of year.daysOff) table[toDay(d)[1]] = 0;
  for (const d of year.makeUpWorkingDays) table[toDay(d)[1]] = 1;
  return table;
}

/**
 * The package's official years (2004–2026 with chinese-days 1.5.7), plus or replaced by
 * `extraYears` (an admin-loaded year replaces the package's data for that year), with `overrides`
 * winning over everything. Throws VALIDATION_FAILED for inconsistent years or overrides.
 */
export function createWorkingDayCalendar(
  opts: { overrides?: readonly CalendarOverride[]; extraYears?: readonly CalendarYear[] } = {},
): WorkingDayCalendar {
  const { overrides = [], extraYears = [] } = opts;
  extraYears.forEach(checkCalendarYear);
  checkOverrides(overrides);

  const years = new Map<number, CalendarYear>();
  for (const y of [...officialCalendarYears(), ...extraYears]) years.set(y.year, y);
  const tables = new Map([...years.values()].map((y) => [y.year, buildYearTable(y)] as const));

  // An override outside the covered years still answers for its own day: it is not a guess.
  const strayOverrides = new Map<IsoDate, boolean>();
  for (const o of overrides) {
    const [y, i] = toDay(o.date);
    const table = tables.get(y);
    if (table) table[i] = o.kind === 'working_day' ? 1 : 0;
    else strayOverrides.set(o.date, o.kind === 'working_day');
  }

  const coveredYears = Object.freeze([...tables.keys()].sort((a, b) => a - b));
  const official = build(tables, strayOverrides, coveredYears, undefined, () => provisional);
  // The provisional twin shares the known years' tables and builds an unknown year's on first use.
  const provisionalTables = new Map(tables);
  const provisional = build(
    provisionalTables,
    strayOverrides,
    coveredYears,
    (y) => {
      const table = buildYearTable(provisionalYear(y));
      for (const [date, working] of strayOverrides) {
        const [oy, oi] = toDay(date);
        if (oy === y) table[oi] = working ? 1 : 0;
      }
      provisionalTables.set(y, table);
      return table;
    },
    () => provisional,
  );
  return official;
}

function build(
  tables: Map<number, Uint8Array>,
  strayOverrides: Map<IsoDate, boolean>,
  coveredYears: readonly number[],
  guess: ((year: number) => Uint8Array) | undefined,
  provisional: () => WorkingDayCalendar,
): WorkingDayCalendar {
  const covered = new Set(coveredYears);
  const isWorking = (y: number, i: number): boolean => {
    const table = tables.get(y);
    if (table) return table[i] === 1;
    if (guess && y >= calendarYears.first && y <= calendarYears.last) return guess(y)[i] === 1;
    const date = toIsoDate(y, i);
    const stray = strayOverrides.get(date);
    if (stray !== undefined) return stray;
    throw new AppError('CALENDAR_DATA_MISSING', `no working-day calendar for ${y}`, { date });
  };

  // Calls `visit` with each day strictly after `from`, until it returns true.
  const walkAfter = (from: IsoDate, visit: (y: number, i: number) => boolean): void => {
    let [y, i] = toDay(from);
    do {
      i += 1;
      if (i === daysInYear(y)) [y, i] = [y + 1, 0];
    } while (!visit(y, i));
  };

  return {
    coveredYears,

    get provisional() {
      return provisional();
    },

    reachesUncovered(from, to) {
      const [fy] = toDay(from);
      const [ty] = toDay(to);
      if (to <= from) return false;
      for (let y = fy; y <= ty; y++) {
        // The year of `from` counts only when a day after `from` lies in it, which is always
        // unless `from` is 31 December.
        if (y === fy && from.endsWith('-12-31')) continue;
        if (!covered.has(y)) return true;
      }
      return false;
    },

    isWorkingDay(date) {
      return isWorking(...toDay(date));
    },

    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1: ${n}`);
      let remaining = n;
      let result = from;
      walkAfter(from, (y, i) => {
        if (!isWorking(y, i) || --remaining > 0) return false;
        result = toIsoDate(y, i);
        return true;
      });
      return result;
    },

    workingDaysBetween(from, to) {
      toDay(from);
      const [ty, ti] = toDay(to);
      if (to <= from) return 0;
      let count = 0;
      walkAfter(from, (y, i) => {
        if (isWorking(y, i)) count += 1;
        return y === ty && i === ti;
      });
      return count;
    },
  };
}
