// The 18-digit citizen identity number of GB 11643-1999: 6-digit region code (GB/T 2260),
// 8-digit birth date, 3-digit sequence (odd for men, even for women), check character.
import { AppError } from '../errors.ts';
import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { isAcceptedRegionCode } from './region-codes.ts';

export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  idNumber: string;
  regionCode: string;
  birthDate: IsoDate;
  sex: Sex;
}

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

// ISO 7064 MOD 11-2 (GB 11643 §5.2): weight of position i (1-based from the left) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

function invalid(reason: IdNumberProblem, message: string): AppError {
  return new AppError('ID_NUMBER_INVALID', message, { reason });
}

/** The check character ('0'–'9' or 'X') for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw invalid('format', 'expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/**
 * Checks an 18-digit resident ID number (GB 11643): format, region code, birth date (a real date,
 * not after `today`, not before 1900), ISO 7064 MOD 11-2 check character. Full-width characters
 * typed with a Chinese input method are folded to ASCII (NFKC) and a lower-case 'x' is accepted.
 * The 15-digit numbers of the first-generation cards were replaced by 2013 and are refused.
 * Throws AppError('ID_NUMBER_INVALID', msg, { reason }).
 */
export function parseIdNumber(input: string, today: IsoDate): IdNumberInfo {
  if (!isIsoDate(today)) throw new RangeError('today is not a date');
  // NFKC leaves ASCII as it is: skipped for the common case (a million rows an import).
  const idNumber = (/^[\x20-\x7e]*$/.test(input) ? input : input.normalize('NFKC')).trim().replace(/x$/, 'X');
  if (!/^\d{17}[\dX]$/.test(idNumber)) throw invalid('format', 'expected 17 digits and a digit or X');

  const regionCode = idNumber.slice(0, 6);
  if (!isAcceptedRegionCode(regionCode)) throw invalid('region', 'unknown region code');

  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    throw invalid('birth_date', 'impossible birth date');
  }

  if (idNumberCheckDigit(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw invalid('check_digit', 'check character does not match');
  }

  const sex: Sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { idNumber, regionCode, birthDate, sex };
}
