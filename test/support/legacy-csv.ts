// Rows of the old card system's export (DESIGN §2) for tests and the import benchmark: valid by
// construction (real ID check digits, districts and streets of the division data), deterministic.
import { addDays, addMonths } from '../../src/domain/beijing-date.ts';
import { listDistricts, listStreets } from '../../src/domain/address/beijing-divisions.ts';
import { idNumberCheckDigit } from '../../src/domain/identity/id-number.ts';
import { LEGACY_COLUMNS, type LegacyColumn } from '../../src/domain/legacy/legacy-row.ts';

export const LEGACY_HEADER = LEGACY_COLUMNS.join(',');

const REGIONS = ['110105', '130102', '210102', '320106', '370102', '410105', '420106', '510107', '610113'];
const DAYS = 14_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

export type LegacyRow = Record<LegacyColumn, string>;

/** The i-th row (i ≥ 0): a unique card number and ID number per i. */
export function legacyRow(
  i: number,
  overrides: Partial<LegacyRow> = {},
  districtCodes: readonly string[] = listDistricts().map((d) => d.code),
): LegacyRow {
  const region = REGIONS[i % REGIONS.length]!;
  const birth = addDays('1960-01-01', Math.floor(i / REGIONS.length) % DAYS);
  const seq = Math.floor(i / (REGIONS.length * DAYS)) % 1000;
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const code = districtCodes[i % districtCodes.length]!;
  const district = listDistricts().find((d) => d.code === code)!;
  const streets = listStreets(district.code);
  const street = streets[(i * 7) % streets.length]!;
  const permit = i % 3 !== 0;
  const issuedOn = addDays('2016-01-04', (i * 13) % 1800);
  return {
    card_number: `L${permit ? 'P' : 'R'}${String(i).padStart(10, '0')}`,
    kind: permit ? 'residence_permit' : 'registration_card',
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}${GIVEN[(i * 11) % GIVEN.length]}`,
    sex: seq % 2 === 1 ? '男' : '女',
    ethnicity: '汉族',
    birth_date: birth,
    id_number: first17 + idNumberCheckDigit(first17),
    hukou_address: '河北省石家庄市长安区建设北大街 12 号',
    district_code: district.code,
    street: street.name,
    address_detail: `示范路 ${(i % 300) + 1} 号院 ${(i % 9) + 1} 号楼 ${(i % 6) + 1}0${(i % 4) + 1}`,
    issuing_authority: `北京市公安局${district.name}分局`,
    issued_on: issuedOn,
    valid_until: permit ? '' : addMonths(issuedOn, 6),
    last_endorsed_on: permit && i % 2 === 0 ? addMonths(issuedOn, 12) : '',
    ...overrides,
  };
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function legacyCsvLine(row: LegacyRow): string {
  return LEGACY_COLUMNS.map((c) => quote(row[c])).join(',') + '\n';
}

/** A whole export: the header, then the rows. */
export function legacyCsv(rows: readonly LegacyRow[]): string {
  return LEGACY_HEADER + '\n' + rows.map(legacyCsvLine).join('');
}
