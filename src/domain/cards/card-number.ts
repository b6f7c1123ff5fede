import { AppError } from '../errors.ts';
import type { CardKind } from './card.ts';
import { isMod3736Valid, mod3736CheckChar } from './iso7064.ts';

/*
 * Card number format, 17 characters, like the 18-character ID number it sits beside on the form:
 *
 *   J  Z  110105  00000042  C
 *   │  │  │       │         └ check character, ISO/IEC 7064 MOD 37,36 over the 16 before it (0-9A-Z)
 *   │  │  │       └ serial within the district and kind, 8 digits
 *   │  │  └ issuing district, GB/T 2260 administrative-division code (110105 = Chaoyang)
 *   │  └ kind: Z = residence permit (居住证), D = registration card (居住登记卡)
 *   └ J = 京, Beijing, the issuing city
 *
 * A number names the card, not a version: every version of a card keeps its number (the version is
 * carried beside it). Letters and digits only, so it survives QR alphanumeric mode and dictation.
 */
const kindLetter: Record<CardKind, string> = { residence_permit: 'Z', registration_card: 'D' };
const MAX_SERIAL = 99_999_999;
const CARD_NUMBER = /^J([ZD])(\d{6})(\d{8})[0-9A-Z]$/;

export function formatCardNumber(kind: CardKind, districtCode: string, serial: number): string {
  if (!/^\d{6}$/.test(districtCode)) {
    throw new AppError('VALIDATION_FAILED', 'districtCode must be 6 digits', { field: 'districtCode' });
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new AppError('VALIDATION_FAILED', `serial must be a whole number from 1 to ${MAX_SERIAL}`, {
      field: 'serial',
    });
  }
  const body = `J${kindLetter[kind]}${districtCode}${String(serial).padStart(8, '0')}`;
  return body + mod3736CheckChar(body);
}

export interface CardNumberParts {
  kind: CardKind;
  districtCode: string;
  serial: number;
}

/** The parts of a well-formed card number with a right check character; null for anything else. */
export function parseCardNumber(s: string): CardNumberParts | null {
  const m = CARD_NUMBER.exec(s);
  if (!m || !isMod3736Valid(s)) return null;
  const [, letter, districtCode, serial] = m as unknown as [string, string, string, string];
  const serialNumber = Number(serial);
  if (serialNumber < 1) return null;
  return {
    kind: letter === 'Z' ? 'residence_permit' : 'registration_card',
    districtCode,
    serial: serialNumber,
  };
}
