// A residence address (DESIGN §2): a real district and street of Beijing from division data; the
// house number cannot be checked from data, so it is flagged for the verification visit.
import { AppError } from '../errors.ts';
import { findDistrict, findStreet } from './beijing-divisions.ts';

export interface AddressInput {
  districtCode: string;
  street: string;
  detail: string;
}

export interface CheckedAddress {
  districtCode: string;
  districtName: string;
  streetCode: string;
  streetName: string;
  detail: string;
  /** what could not be checked, for the verification visit */
  flags: string[];
}

const MAX_DETAIL_LENGTH = 120;

/**
 * `street` may be the 9-digit street code or its exact name. Throws
 * AppError('ADDRESS_UNKNOWN', msg, { field: 'districtCode' | 'street' }) for a district that is not
 * in Beijing or a street not in that district; AppError('VALIDATION_FAILED', …, { field: 'detail' })
 * for an empty or over-long (> 120 characters) detail, or one with control characters. `detail` is
 * returned trimmed, with runs of spaces collapsed. flags always includes 'detail_unverified'.
 */
export function checkAddress(input: AddressInput): CheckedAddress {
  const district = findDistrict(input.districtCode.trim());
  if (!district)
    throw new AppError('ADDRESS_UNKNOWN', 'not a district of Beijing', { field: 'districtCode' });

  const street = findStreet(district.code, input.street);
  if (!street) throw new AppError('ADDRESS_UNKNOWN', `not a street of ${district.code}`, { field: 'street' });

  const detail = input.detail.normalize('NFC').replace(/\s+/gu, ' ').trim();
  // Control characters (after whitespace folding: NUL, escapes, bidi overrides) would corrupt the
  // printed confirmation form or disguise the address shown to the officer.
  if (/[\p{Cc}\p{Cf}]/u.test(detail)) {
    throw new AppError('VALIDATION_FAILED', 'the address contains control characters', { field: 'detail' });
  }
  const length = [...detail].length;
  if (length === 0 || length > MAX_DETAIL_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `the address detail has 1 to ${MAX_DETAIL_LENGTH} characters`, {
      field: 'detail',
    });
  }

  return {
    districtCode: district.code,
    districtName: district.name,
    streetCode: street.code,
    streetName: street.name,
    detail,
    flags: ['detail_unverified'],
  };
}
