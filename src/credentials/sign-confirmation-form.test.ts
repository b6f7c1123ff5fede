// The form's proof: reads back to the same claims, rejects any change, and stays a QR that prints
// sharp inside 35–60 mm. The size figures in docs/confirmation-form.md come from here
// (`npx node --test src/credentials/sign-confirmation-form.test.ts`, lines starting "size:").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { makeKey } from '../../test/verify/fixtures.ts';
import { encodeBase45 } from '../verify/base45.ts';
import { encodeCbor } from '../verify/cbor.ts';
import { checkConfirmationForm } from '../verify/check-confirmation-form.ts';
import { formClaimsToCbor, type FormClaims } from '../verify/form-claims.ts';
import { signCose } from './sign-cose.ts';
import { FORM_QR_SIDE_MM as QR_SIDE_MM, signConfirmationForm } from './sign-confirmation-form.ts';

const NOW = new Date('2026-11-20T02:00:00Z');
const typical: FormClaims = {
  issuedAt: NOW.getTime() / 1000,
  serial: '2026-00000001',
  stationId: 'ps-110101-dhm',
  stationName: '东华门派出所',
  evidence: 'id_card',
  holder: {
    name: '王小明',
    sex: 'male',
    birthDate: '1990-05-12',
    idNumber: '370102199005120013',
    ethnicity: null,
    hukouAddress: null,
    residenceAddress: '北京市朝阳区建外街道示范路1号院2号楼301',
  },
  card: {
    kind: 'residence_permit',
    number: 'JZ11010500000001U',
    version: 1,
    status: 'valid',
    issuedOn: '2026-08-20',
    validUntil: '2027-09-20',
    issuingAuthority: '建外派出所',
  },
};
/** Long but real: a four-character name, ethnicity and hukou recorded, long addresses and stations. */
const longForm: FormClaims = {
  ...typical,
  stationName: '朝外流动人口和出租房屋服务站',
  holder: {
    ...typical.holder,
    name: '欧阳娜娜𠀀',
    ethnicity: '维吾尔族',
    hukouAddress: '新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路街道某某社区某某路123号院4号楼2单元501室',
    residenceAddress: '北京市海淀区中关村街道中关村大街29号院某某小区18号楼3单元1204室（北侧）',
  },
  card: { ...typical.card, issuingAuthority: '海淀流动人口和出租房屋服务站' },
};

const version = (code: string) => QRCode.create(code, { errorCorrectionLevel: 'Q' }).version;
const modules = (v: number) => 17 + 4 * v;

test('signed claims read back whole; any changed byte of the proof is bad_signature', async () => {
  const key = makeKey();
  const code = signConfirmationForm(longForm, key.signer);
  assert.match(code, /^JZF1:[0-9A-Z $%*+\-./:]+$/);
  const ctx = { keys: [key.trusted], now: NOW, skewSeconds: 10 };
  assert.deepEqual(await checkConfirmationForm(code, ctx), {
    ok: true,
    claims: longForm,
    kid: key.record.kid,
  });
  for (const i of [10, 200, code.length - 4]) {
    const c = code.slice(0, i) + (code[i] === '0' ? '1' : '0') + code.slice(i + 1);
    const r = await checkConfirmationForm(c, ctx);
    assert.ok(!r.ok && ['bad_signature', 'malformed'].includes(r.result), `${i}: ${JSON.stringify(r)}`);
  }
  assert.deepEqual(await checkConfirmationForm(code, { ...ctx, keys: [makeKey().trusted] }), {
    ok: false,
    result: 'unknown_key',
    kid: key.record.kid,
  });
});

test('a holder born before 1970 (a negative day count) reads back and verifies', async () => {
  const key = makeKey();
  const elder: FormClaims = {
    ...typical,
    holder: { ...typical.holder, birthDate: '1951-04-02', idNumber: '130102195104020317' },
  };
  const check = await checkConfirmationForm(signConfirmationForm(elder, key.signer), {
    keys: [key.trusted],
    now: NOW,
    skewSeconds: 10,
  });
  assert.deepEqual(check, { ok: true, claims: elder, kid: key.record.kid });
});

test('size: every field in the QR stays within version 25-Q, modules ≥ 0.45 mm at the printed size', () => {
  const key = makeKey();
  for (const [label, claims] of [
    ['typical', typical],
    ['long', longForm],
  ] as const) {
    const code = signConfirmationForm(claims, key.signer);
    const v = version(code);
    const mm = QR_SIDE_MM / modules(v);
    console.log(
      `size: all fields, ${label}: ${code.length} characters, QR version ${v}-Q, ${modules(v)} modules, ${mm.toFixed(2)} mm a module at ${QR_SIDE_MM} mm`,
    );
    assert.ok(v <= 25 && mm >= 0.45, `${label}: version ${v}`);
  }
  // The alternative: a SHA-256 digest of the same canonical encoding, plus what finds the record.
  const digest = createHash('sha256')
    .update(encodeCbor(formClaimsToCbor(longForm)))
    .digest();
  const small = new Map<number, string | number | Uint8Array>([
    [1, longForm.serial],
    [2, longForm.card.number],
    [3, longForm.card.version],
    [4, new Uint8Array(digest)],
  ]);
  const code = 'JZF1:' + encodeBase45(signCose(encodeCbor(small), key.signer, 'x'));
  console.log(`size: digest only: ${code.length} characters, QR version ${version(code)}-Q`);
});
