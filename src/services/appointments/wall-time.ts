/** `2026年11月23日 09:30`, Beijing time (UTC+8, no daylight saving). */
export function beijingWallTime(t: Date): string {
  const s = new Date(t.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 4)}年${s.slice(5, 7)}月${s.slice(8, 10)}日 ${s.slice(11, 16)}`;
}
