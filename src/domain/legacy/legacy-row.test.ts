import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy } from '../policy.ts';
import { makeTestIdNumber } from '../identity/id-number.fixtures.ts';
import { checkLegacyRow, LEGACY_COLUMNS, legacyPermitCycle, mapLegacyHeader } from './legacy-row.ts';

const TODAY = '2026-06-01';
const id = makeTestIdNumber('130102', '1985-04-12', 37);
const good: Record<string, string> = {
  card_number: 'LR0000000001',
  kind: 'registration_card',
  name: '郑 春花',
  sex: '男',
  ethnicity: '汉族',
  birth_date: '1985-04-12',
  id_number: id,
  hukou_address: '河北省石家庄市长安区',
  district_code: '110105',
  street: '建外街道',
  address_detail: '建国路 88 号',
  issuing_authority: '北京市公安局朝阳分局',
  issued_on: '2019-03-01',
  valid_until: '2026-09-01',
  last_endorsed_on: '',
};
const header = mapLegacyHeader([...LEGACY_COLUMNS]);
if (!header.ok) throw new Error('header');
const check = (o: Record<string, string> = {}) =>
  checkLegacyRow(
    LEGACY_COLUMNS.map((c) => ({ ...good, ...o })[c] ?? ''),
    header.index,
    7,
    TODAY,
    defaultPolicy,
  );
const reasons = (o: Record<string, string>) => {
  const r = check(o);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.reason}`);
};

test('a good row becomes a legacy card with its street code and normalised name', () => {
  const r = check();
  assert.ok(r.ok);
  assert.equal(r.card.name, '郑春花');
  assert.equal(r.card.streetCode.slice(0, 6), '110105');
  assert.equal(r.card.validUntil, '2026-09-01');
  assert.equal(r.card.endorsementDueOn, null);
  assert.equal(r.card.sex, 'male');
});

test('every problem of a row is named, with its column', () => {
  assert.deepEqual(reasons({ id_number: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') }), [
    'id_number:id_number_check_digit',
  ]);
  assert.deepEqual(reasons({ sex: '女', birth_date: '1985-04-13' }), [
    'sex:sex_mismatch',
    'birth_date:birth_date_mismatch',
  ]);
  assert.deepEqual(reasons({ issued_on: '2015-12-31' }), ['issued_on:issued_before_legacy_start']);
  assert.deepEqual(reasons({ issued_on: '2021-01-01' }), ['issued_on:issued_after_online_rule']);
  assert.deepEqual(reasons({ district_code: '120101' }), ['district_code:district_unknown']);
  assert.deepEqual(reasons({ street: '中关村街道' }), ['street:street_unknown']);
  assert.deepEqual(reasons({ valid_until: '' }), ['valid_until:valid_until_required']);
  assert.deepEqual(reasons({ issued_on: '2019-02-30' }), ['issued_on:date_format']);
  assert.deepEqual(reasons({ kind: 'passport', name: 'x', ethnicity: '' }), [
    'ethnicity:required',
    'kind:kind_unknown',
    'name:name_invalid',
  ]);
  assert.deepEqual(reasons({ address_detail: '一\t二' }), ['address_detail:control_characters']);
  assert.deepEqual(reasons({ last_endorsed_on: '2020-03-01' }), [
    'last_endorsed_on:last_endorsed_not_permit',
  ]);
});

test('the header may come in any order, with extra columns and a byte-order mark', () => {
  const h = mapLegacyHeader([
    '\uFEFFextra',
    ...[...LEGACY_COLUMNS].reverse().map((c) => ` ${c.toUpperCase()} `),
  ]);
  assert.ok(h.ok);
  assert.equal(h.index.last_endorsed_on, 1);
  const missing = mapLegacyHeader(LEGACY_COLUMNS.filter((c) => c !== 'street'));
  assert.deepEqual(missing, { ok: false, missing: ['street'] });
});

test('a legacy permit without a printed expiry keeps its yearly endorsement cycle', () => {
  // Never endorsed: due a year after issue (long past: it shows as suspended until endorsed).
  assert.deepEqual(legacyPermitCycle('2019-05-20', null, defaultPolicy), {
    endorsementDueOn: '2020-05-20',
    residenceCountFrom: '2019-05-20',
  });
  // Endorsed on time: the anniversary of issue stays.
  assert.deepEqual(legacyPermitCycle('2019-05-20', '2026-05-10', defaultPolicy), {
    endorsementDueOn: '2027-05-20',
    residenceCountFrom: '2019-05-20',
  });
  // Endorsed late: the cycle and the residence count restart on that day (Art. 10).
  assert.deepEqual(legacyPermitCycle('2019-05-20', '2025-09-01', defaultPolicy), {
    endorsementDueOn: '2026-09-01',
    residenceCountFrom: '2025-09-01',
  });
  const permit = check({ kind: 'residence_permit', valid_until: '', last_endorsed_on: '2026-03-01' });
  assert.ok(permit.ok);
  assert.equal(permit.card.validUntil, null);
  assert.equal(permit.card.endorsementDueOn, '2027-03-01');
});
