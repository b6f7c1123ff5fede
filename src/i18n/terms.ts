// Names of the things error messages list (materials, proxy documents), in the three languages,
// following GLOSSARY.md. Codes stay in `details` for machines; people read these.
import type { Language } from './language.ts';

const terms: Record<string, Record<Language, string>> = {
  photo: { 'zh-CN': '本人照片', en: 'photo', es: 'fotografía' },
  proof_of_address: { 'zh-CN': '住所证明', en: 'proof of address', es: 'justificante de domicilio' },
  proof_of_basis: {
    'zh-CN': '就业、住所或就读证明',
    en: 'proof of employment, residence or study',
    es: 'justificante de empleo, domicilio o estudios',
  },
  agent_id: { 'zh-CN': '代办人身份证件', en: "agent's ID", es: 'documento de identidad del representante' },
  proof_of_relationship: {
    'zh-CN': '监护或亲属关系证明',
    en: 'proof of guardianship or kinship',
    es: 'prueba de tutela o parentesco',
  },
  power_of_attorney: {
    'zh-CN': '委托书',
    en: 'power of attorney',
    es: 'poder notarial (autorización escrita)',
  },
};

const separator: Record<Language, string> = { 'zh-CN': '、', en: ', ', es: ', ' };

/** "photo, proof_of_address" → "本人照片、住所证明" (unknown codes are left as they are). */
export function termList(codes: string, lang: Language): string {
  return codes
    .split(/,\s*/)
    .map((c) => terms[c]?.[lang] ?? c)
    .join(separator[lang]);
}
