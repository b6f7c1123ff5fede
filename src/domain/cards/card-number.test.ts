import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCardNumber, parseCardNumber } from './card-number.ts';
import { isMod3736Valid, mod3736CheckChar } from './iso7064.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('ISO/IEC 7064 MOD 37,36', () => {
  // Vectors from other implementations' test suites (xbib standardnumber, python-stdnum).
  for (const v of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) {
    test(`agrees with the reference vector ${v}`, () => {
      assert.equal(mod3736CheckChar(v.slice(0, -1)), v.slice(-1));
      assert.equal(isMod3736Valid(v), true);
    });
  }
});

describe('formatCardNumber', () => {
  test('J, the kind letter, the district, an 8-digit serial and a check character', () => {
    assert.equal(formatCardNumber('residence_permit', '110105', 42), 'JZ11010500000042C');
    assert.match(formatCardNumber('registration_card', '110108', 99_999_999), /^JD11010899999999[0-9A-Z]$/);
  });

  test('refuses a district that is not 6 digits and a serial out of range', () => {
    for (const d of ['11010', '1101050', '11O105']) {
      assert.throws(() => formatCardNumber('residence_permit', d, 1), {
        code: 'VALIDATION_FAILED',
        params: { field: 'districtCode' },
      });
    }
    for (const s of [0, -1, 1.5, 100_000_000, Number.NaN]) {
      assert.throws(() => formatCardNumber('residence_permit', '110105', s), {
        code: 'VALIDATION_FAILED',
        params: { field: 'serial' },
      });
    }
  });
});

describe('parseCardNumber', () => {
  test('reads back what was formatted', () => {
    assert.deepEqual(parseCardNumber(formatCardNumber('registration_card', '110114', 1234)), {
      kind: 'registration_card',
      districtCode: '110114',
      serial: 1234,
    });
  });

  test('refuses other shapes', () => {
    for (const s of [
      '',
      'jz11010500000042c',
      'JX11010500000042C',
      'JZ1101050000004C',
      'JZ11010500000042C ',
    ]) {
      assert.equal(parseCardNumber(s), null, s);
    }
  });

  test('catches every mistyped character and every swap of neighbours', () => {
    const n = formatCardNumber('residence_permit', '110105', 13_572_468);
    for (let i = 0; i < n.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === n[i]) continue;
        const typo = n.slice(0, i) + ch + n.slice(i + 1);
        assert.equal(parseCardNumber(typo), null, typo);
      }
    }
    for (let i = 0; i + 1 < n.length; i++) {
      if (n[i] === n[i + 1]) continue;
      const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
      assert.equal(parseCardNumber(swapped), null, swapped);
    }
  });
});
