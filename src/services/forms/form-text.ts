// The words printed on a confirmation form, derived from its signed claims only (so page and proof
// agree), and what happens to a character the font lacks.
//
// Rare characters (生僻字): Noto Sans SC covers GB2312 and far beyond (it has 䶮, 龑, 堃, 喆), but not
// every CJK extension character a name may use (e.g. U+20000 𠀀 in Extension B). Such a character
// would print as an empty box, which a reader could take for any character. Instead the form
// prints its code point in brackets, 〔U+20000〕, and says so in a note: the name itself is signed
// exactly (UTF-8 in the QR), so a verifier's screen shows the true name.
import { create, type Font } from 'fontkit';
import type { FormClaims } from '../../verify/index.ts';
import { notoSansSc } from './font-files.ts';

let font: Font | undefined;

function coverage(): Font {
  font ??= create(notoSansSc('Regular'));
  return font;
}

/** The text with every character the font cannot draw replaced by its code point, and whether any was. */
export function printable(text: string): { text: string; replaced: boolean } {
  const f = coverage();
  let replaced = false;
  const out = [...text]
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x80 || f.hasGlyphForCodePoint(cp)) return ch;
      replaced = true;
      return `〔U+${cp.toString(16).toUpperCase()}〕`;
    })
    .join('');
  return { text: out, replaced };
}

const KIND = { residence_permit: '居住证', registration_card: '居住登记卡' } as const;
const STATUS = {
  valid: '有效',
  suspended: '使用功能中止（未按期签注）',
  expired: '已过期',
  revoked: '已注销',
  superseded: '已换领（旧版本）',
} as const;
const EVIDENCE = {
  id_card: '居民身份证',
  household_register: '居民户口簿',
  origin_certificate: '户籍地公安机关身份证明',
  display_code: '电子居住证（卡）动态二维码',
} as const;

const chineseDate = (d: string) => `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;

/** Beijing wall time (UTC+8, no daylight saving since 1991). */
export function beijingTime(unixSeconds: number): string {
  const t = new Date(unixSeconds * 1000 + 8 * 3_600_000).toISOString();
  return `${chineseDate(t.slice(0, 10))} ${t.slice(11, 16)}（北京时间）`;
}

export function formLabels(c: FormClaims) {
  const name = printable(c.holder.name);
  const notes: string[] = [];
  if (name.replaced) {
    notes.push('注：持证人姓名含本单字库未收录的字，以〔U+编码〕标示；扫描二维码可显示完整姓名。');
  }
  if (c.holder.ethnicity === null || c.holder.hukouAddress === null) {
    notes.push('注：民族、户籍地址以居民身份证、居民户口簿所载为准；本平台未登记者显示“未登记”。');
  }
  const police = c.stationName.endsWith('派出所');
  return {
    sex: c.holder.sex === 'male' ? '男' : '女',
    ethnicity: c.holder.ethnicity ?? '未登记',
    birthDate: chineseDate(c.holder.birthDate),
    evidence: EVIDENCE[c.evidence],
    hukouAddress: c.holder.hukouAddress ?? '未登记',
    kind: KIND[c.card.kind],
    status: STATUS[c.card.status],
    validUntil: chineseDate(c.card.validUntil),
    cardIssuedOn: chineseDate(c.card.issuedOn),
    issuedAt: beijingTime(c.issuedAt),
    statement:
      `兹确认，持证人${name.text}（公民身份号码 ${c.holder.idNumber}）持有北京市${KIND[c.card.kind]}` +
      `（电子），截至本单出具时状态为“${STATUS[c.card.status]}”，所载信息如上。本确认单经户籍专用章确认，` +
      '与电子居住证（卡）具有同等证明效力；证件当前状态以扫描下方二维码核验的结果为准。',
    notes,
    sealArc: police ? `北京市公安局${c.stationName}` : `北京市${c.stationName}`,
    footer: `北京市公安局人口管理 · 确认单编号 ${c.serial} · 本单由系统生成，涂改无效`,
  };
}
