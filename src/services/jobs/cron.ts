// Five-field cron expressions (minute hour day-of-month month day-of-week), read in Beijing time
// (UTC+8, no daylight saving), enough for the platform's schedules: `*`, numbers, lists `a,b`,
// ranges `a-b` and steps `*/n`, `a-b/n`. Day of week 0–6 from Sunday (7 is Sunday too); when both
// day fields are restricted a day matching either runs, as in classic cron.

const BEIJING_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const fields = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
] as const;

export interface Cron {
  readonly expression: string;
  matches(instant: Date): boolean;
  /** The latest minute at or before `instant` that matches, looking back at most `withinMs`. */
  latestAtOrBefore(instant: Date, withinMs: number): Date | undefined;
}

function parseField(text: string, { min, max }: { min: number; max: number }): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new RangeError(`cron: cannot read "${part}"`);
    const from = m[1] === '*' ? min : Number(m[2]);
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new RangeError(`cron: "${part}" out of range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new RangeError(`cron: five fields expected in "${expression}"`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, fields[i]!)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (dow.has(7)) dow.add(0);
  const domAny = parts[2] === '*';
  const dowAny = parts[4] === '*';
  const matches = (instant: Date): boolean => {
    const b = new Date(instant.getTime() + BEIJING_MS);
    if (!minute.has(b.getUTCMinutes()) || !hour.has(b.getUTCHours()) || !month.has(b.getUTCMonth() + 1))
      return false;
    const domOk = dom.has(b.getUTCDate());
    const dowOk = dow.has(b.getUTCDay());
    if (domAny || dowAny) return domOk && dowOk;
    return domOk || dowOk;
  };
  return {
    expression,
    matches,
    latestAtOrBefore(instant, withinMs) {
      let t = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
      const stop = instant.getTime() - withinMs;
      for (; t >= stop; t -= MINUTE_MS) if (matches(new Date(t))) return new Date(t);
      return undefined;
    },
  };
}
