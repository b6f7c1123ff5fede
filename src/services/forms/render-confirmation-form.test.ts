// The page itself, without a database: one A4 page; a rare name character the font lacks prints
// as its code point with a note, never as an empty box; the longest realistic form's QR (version
// 23-Q) still reads off a 200 dpi raster and carries the true name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKey } from '../../../test/verify/fixtures.ts';
import { pdfPages, pdfText, rasterise, readQr } from '../../../test/support/pdf-tools.ts';
import { signConfirmationForm } from '../../credentials/index.ts';
import { checkConfirmationForm, type FormClaims } from '../../verify/index.ts';
import { printable } from './form-text.ts';
import { renderConfirmationForm } from './render-confirmation-form.ts';

const claims: FormClaims = {
  issuedAt: Date.parse('2026-11-20T02:00:00Z') / 1000,
  serial: '2026-00000042',
  stationId: 'ss-110105-cy',
  stationName: '朝外流动人口和出租房屋服务站',
  evidence: 'origin_certificate',
  holder: {
    name: '欧阳𠀀娜',
    sex: 'female',
    birthDate: '1999-01-02',
    idNumber: '650102199901020026',
    ethnicity: '维吾尔族',
    hukouAddress: '新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路街道某某社区某某路123号院4号楼2单元501室',
    residenceAddress: '北京市海淀区中关村街道中关村大街29号院某某小区18号楼3单元1204室（北侧）',
  },
  card: {
    kind: 'registration_card',
    number: 'JD11010800000123X',
    version: 2,
    status: 'suspended',
    issuedOn: '2026-06-01',
    validUntil: '2026-12-01',
    issuingAuthority: '海淀流动人口和出租房屋服务站',
  },
};

test('characters outside the font print as their code point; others, rare ones included, as themselves', () => {
  assert.deepEqual(printable('王𠀀明'), { text: '王〔U+20000〕明', replaced: true });
  assert.deepEqual(printable('龑堃喆䶮'), { text: '龑堃喆䶮', replaced: false });
});

test('the longest realistic form: one page, every field printed, the QR read off the raster is the true record', async () => {
  const key = makeKey();
  const code = signConfirmationForm(claims, key.signer);
  const pdf = await renderConfirmationForm(claims, code);
  assert.equal(pdfPages(pdf), 1);
  const text = pdfText(pdf).replace(/\s+/g, '');
  for (const printed of [
    '欧阳〔U+20000〕娜',
    '未收录的字',
    '维吾尔族',
    claims.holder.hukouAddress!,
    claims.holder.residenceAddress,
    '居住登记卡',
    '使用功能中止',
    '户籍地公安机关身份证明',
    '2026年12月01日',
  ]) {
    assert.ok(text.includes(printed.replace(/\s+/g, '')), printed);
  }
  const read = readQr(rasterise(pdf));
  assert.equal(read, code);
  const check = await checkConfirmationForm(read, {
    keys: [key.trusted],
    now: new Date(),
    skewSeconds: 10,
  });
  assert.ok(check.ok && check.claims.holder.name === '欧阳𠀀娜');
});
