// Why a refusal happened, when the error carries a reason code as its `detail` (issue 9, finding
// 11: the reader sees words in their language, never the code): why a slot cannot be booked, and
// why a live code presented as evidence for a confirmation form does not hold. Terms follow
// GLOSSARY.md. The code itself stays in the answer's `details` for machines.
import type { SlotRefusal } from '../domain/appointments/schedule.ts';
import type { VerificationResult } from '../verify/results.ts';
import type { Language } from './language.ts';

type Texts = Record<Language, string>;

const slotReasons: Record<SlotRefusal, Texts> = {
  past: { 'zh-CN': '该时间已过', en: 'that time has passed', es: 'esa hora ya ha pasado' },
  day_off: {
    'zh-CN': '当天不是工作日',
    en: 'that day is not a working day',
    es: 'ese día no es un día laborable',
  },
  not_a_slot: {
    'zh-CN': '不是该站的预约时段开始时间',
    en: "it is not the start of one of the station's slots",
    es: 'no es el inicio de una de las franjas de la estación',
  },
  too_far: {
    'zh-CN': '超出可预约的天数范围',
    en: 'it is further ahead than bookings are taken',
    es: 'está más adelante de lo que se admiten reservas',
  },
};

const evidenceReasons: Record<Exclude<VerificationResult, 'valid'> | 'another_holder', Texts> = {
  another_holder: {
    'zh-CN': '该动态二维码属于另一位持证人',
    en: 'the live QR code belongs to another holder',
    es: 'el código QR dinámico pertenece a otro titular',
  },
  expired: {
    'zh-CN': '动态二维码或证件已过期',
    en: 'the live QR code or the permit or card has expired',
    es: 'el código QR dinámico o el certificado de residencia ha caducado',
  },
  not_yet_valid: {
    'zh-CN': '动态二维码尚未生效',
    en: 'the live QR code is not valid yet',
    es: 'el código QR dinámico aún no es válido',
  },
  bad_signature: {
    'zh-CN': '动态二维码签名无效',
    en: 'the live QR code’s signature does not hold',
    es: 'la firma del código QR dinámico no es válida',
  },
  unknown_key: {
    'zh-CN': '动态二维码的签名密钥未知',
    en: 'the live QR code is signed with an unknown key',
    es: 'el código QR dinámico está firmado con una clave desconocida',
  },
  revoked: { 'zh-CN': '证件已注销', en: 'the permit or card is revoked', es: 'el certificado está revocado' },
  suspended: {
    'zh-CN': '居住证使用功能中止（未按时签注）',
    en: 'the permit is suspended (endorsement lapsed)',
    es: 'el certificado está suspendido (refrendo vencido)',
  },
  superseded: {
    'zh-CN': '证件已换领（旧版本）',
    en: 'the permit or card was superseded by a newer version',
    es: 'el certificado fue sustituido por una versión nueva',
  },
  challenge_mismatch: {
    'zh-CN': '核验挑战码不符',
    en: 'the challenge code does not match',
    es: 'el código de desafío no coincide',
  },
  malformed: {
    'zh-CN': '不是有效的动态二维码',
    en: 'it is not a live QR code',
    es: 'no es un código QR dinámico',
  },
  unsupported_version: {
    'zh-CN': '动态二维码版本不受支持',
    en: 'the live QR code’s version is not supported',
    es: 'la versión del código QR dinámico no es compatible',
  },
  status_unknown: {
    'zh-CN': '无法确认证件当前状态',
    en: 'the status of the permit or card cannot be confirmed',
    es: 'no se puede confirmar el estado del certificado',
  },
};

const byCode: Partial<Record<string, Readonly<Record<string, Texts>>>> = {
  SLOT_UNAVAILABLE: slotReasons,
  EVIDENCE_REJECTED: evidenceReasons,
};

/** The reader's words for a reason code of `errorCode`, or undefined when it has none. */
export function refusalReason(errorCode: string, reason: string, lang: Language): string | undefined {
  return byCode[errorCode]?.[reason]?.[lang];
}
