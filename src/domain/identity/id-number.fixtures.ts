// Valid ID numbers for tests. Real people's numbers must never appear in the repository.
import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { idNumberCheckDigit } from './id-number.ts';

/**
 * An ID number that passes `parseIdNumber`: `region` is a 6-digit region code, `seq` 0–999 the
 * sequence number (odd for a man, even for a woman, as on real cards).
 */
export function makeTestIdNumber(region: string, birthDate: IsoDate, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be 6 digits: ${region}`);
  if (!isIsoDate(birthDate)) throw new RangeError(`not a date: ${String(birthDate)}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`seq must be 0–999: ${seq}`);
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}
