import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { idNumberCheckDigit, parseIdNumber } from './id-number.ts';
import { makeTestIdNumber } from './id-number.fixtures.ts';

const TODAY = '2026-11-26';

function rejectsWith(input: string, reason: string, today = TODAY): void {
  assert.throws(
    () => parseIdNumber(input, today),
    (e: unknown) => e instanceof AppError && e.code === 'ID_NUMBER_INVALID' && e.params.reason === reason,
  );
}

describe('idNumberCheckDigit', () => {
  test('matches the worked examples of GB 11643-1999', () => {
    assert.equal(idNumberCheckDigit('11010519491231002'), 'X');
    assert.equal(idNumberCheckDigit('44052418800101001'), '4');
  });

  test('refuses anything but 17 digits', () => {
    assert.throws(() => idNumberCheckDigit('1101051949123100'), AppError);
    assert.throws(() => idNumberCheckDigit('1101051949123100A'), AppError);
  });
});

describe('parseIdNumber', () => {
  test('reads region, birth date and sex from the standard example', () => {
    assert.deepEqual(parseIdNumber('11010519491231002X', TODAY), {
      idNumber: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  test('an odd sequence number is a man', () => {
    const id = makeTestIdNumber('110108', '1990-03-07', 123);
    assert.equal(parseIdNumber(id, TODAY).sex, 'male');
  });

  test('accepts lower-case x, surrounding spaces and full-width digits, returning the canonical form', () => {
    assert.equal(parseIdNumber(' 11010519491231002x ', TODAY).idNumber, '11010519491231002X');
    assert.equal(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY).idNumber, '11010519491231002X');
  });

  test('refuses a wrong length, letters, an X not in last place and 15-digit numbers', () => {
    rejectsWith('11010519491231002', 'format');
    rejectsWith('11010519491231002X1', 'format');
    rejectsWith('1101051949123100X2', 'format');
    rejectsWith('11010519491231A02X', 'format');
    rejectsWith('110105491231002', 'format');
    rejectsWith('', 'format');
  });

  test('refuses a region code whose province does not exist', () => {
    rejectsWith(makeTestIdNumber('990101', '1990-01-01', 1), 'region');
    rejectsWith(makeTestIdNumber('100101', '1990-01-01', 1), 'region');
    rejectsWith(makeTestIdNumber('110000', '1990-01-01', 1), 'region');
  });

  test('accepts the codes of counties merged or re-coded since the number was issued', () => {
    // Miyun County (110228) became Miyun District (110118) in 2015: nobody's number changed.
    assert.equal(parseIdNumber(makeTestIdNumber('110228', '1980-05-04', 31), TODAY).regionCode, '110228');
    // Chongwen District, merged into Dongcheng in 2010.
    assert.equal(parseIdNumber(makeTestIdNumber('110103', '1975-02-01', 2), TODAY).regionCode, '110103');
    // Xianning Prefecture (4223), re-coded 4212 when it became a city in 1998.
    assert.equal(parseIdNumber(makeTestIdNumber('422301', '1970-10-10', 5), TODAY).regionCode, '422301');
  });

  test('refuses impossible birth dates', () => {
    rejectsWith(makeTestIdNumber('110105', '1990-01-01', 1).replace('19900101', '19900230'), 'birth_date');
    rejectsWith(makeTestIdNumber('110105', '1990-01-01', 1).replace('19900101', '19901301'), 'birth_date');
    rejectsWith(makeTestIdNumber('110105', '1899-12-31', 1), 'birth_date');
  });

  test('refuses a birth date after today, accepts one born today', () => {
    rejectsWith(makeTestIdNumber('110105', '2026-11-27', 1), 'birth_date');
    assert.equal(parseIdNumber(makeTestIdNumber('110105', '2026-11-26', 1), TODAY).birthDate, '2026-11-26');
  });

  test('accepts 29 February in a leap year only', () => {
    assert.equal(parseIdNumber(makeTestIdNumber('110105', '2000-02-29', 8), TODAY).birthDate, '2000-02-29');
    rejectsWith(makeTestIdNumber('110105', '1900-03-01', 8).replace('19000301', '19000229'), 'birth_date');
  });

  test('refuses a number with one mistyped digit or two swapped digits', () => {
    const id = makeTestIdNumber('110105', '1988-08-08', 456);
    const mistyped = id.slice(0, 15) + ((Number(id[15]) + 1) % 10) + id.slice(16);
    rejectsWith(mistyped, 'check_digit');
    const swapped = id.slice(0, 14) + id.slice(15, 16) + id.slice(14, 15) + id.slice(16); // …45… → …54…
    rejectsWith(swapped, 'check_digit');
  });

  test('refuses a wrong check character', () => {
    rejectsWith('110105194912310020', 'check_digit');
  });
});
