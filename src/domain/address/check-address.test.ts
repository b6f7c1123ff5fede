import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { checkAddress } from './check-address.ts';

function refused(input: Parameters<typeof checkAddress>[0], code: string, field: string): void {
  assert.throws(
    () => checkAddress(input),
    (e: unknown) => e instanceof AppError && e.code === code && e.params.field === field,
  );
}

test('names the district and street and flags the house number for the visit', () => {
  assert.deepEqual(
    checkAddress({ districtCode: '110105', street: '望京街道', detail: '望京西园三区 301 号楼' }),
    {
      districtCode: '110105',
      districtName: '朝阳区',
      streetCode: '110105026',
      streetName: '望京街道',
      detail: '望京西园三区 301 号楼',
      flags: ['detail_unverified'],
    },
  );
});

test('accepts the street by its code and tidies the detail', () => {
  const address = checkAddress({
    districtCode: '110101',
    street: '110101001',
    detail: '  南池子大街\n 12号  ',
  });
  assert.equal(address.streetName, '东华门街道');
  assert.equal(address.detail, '南池子大街 12号');
});

test('refuses a district outside Beijing', () => {
  refused({ districtCode: '120101', street: '劝业场街道', detail: '1号' }, 'ADDRESS_UNKNOWN', 'districtCode');
  refused({ districtCode: '1101', street: '东华门街道', detail: '1号' }, 'ADDRESS_UNKNOWN', 'districtCode');
});

test("refuses a street of another district or one that doesn't exist", () => {
  refused({ districtCode: '110102', street: '东华门街道', detail: '1号' }, 'ADDRESS_UNKNOWN', 'street');
  refused({ districtCode: '110101', street: '不存在街道', detail: '1号' }, 'ADDRESS_UNKNOWN', 'street');
  refused({ districtCode: '110101', street: '110102001', detail: '1号' }, 'ADDRESS_UNKNOWN', 'street');
});

test('refuses an empty, over-long or control-character detail', () => {
  const street = { districtCode: '110101', street: '东华门街道' };
  refused({ ...street, detail: '   ' }, 'VALIDATION_FAILED', 'detail');
  refused({ ...street, detail: '号'.repeat(121) }, 'VALIDATION_FAILED', 'detail');
  refused({ ...street, detail: '12号\u202e楼' }, 'VALIDATION_FAILED', 'detail');
  assert.equal(checkAddress({ ...street, detail: '号'.repeat(120) }).detail.length, 120);
});
