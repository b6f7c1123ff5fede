// What a resident is told, and a station alerted of, in the three languages (DESIGN §5). A
// notification stores its kind and values; the text is rendered when sent (SMS, in Chinese: the
// resident's language, Chinese unless they chose another) and when read in the API (the reader's).
import type { Language } from './language.ts';
import { termList } from './terms.ts';

export const notificationKinds = [
  'application_approved',
  'application_rejected',
  'materials_requested',
  'endorsement_due',
  'card_suspended',
  'card_expired',
  'appointment_booked',
  'appointment_reminder',
  'review_overdue',
  'visit_overdue',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

type Params = Record<string, string>;
type Template = (p: Params, lang: Language) => string;

const applicationTypes: Record<string, Record<Language, string>> = {
  registration_card: { 'zh-CN': '居住登记卡', en: 'registration card', es: 'tarjeta de registro' },
  residence_permit: { 'zh-CN': '居住证', en: 'residence permit', es: 'permiso de residencia' },
  endorsement: { 'zh-CN': '居住证签注', en: 'endorsement', es: 'refrendo' },
  change: { 'zh-CN': '信息变更', en: 'change of details', es: 'cambio de datos' },
  replacement: { 'zh-CN': '补领换领', en: 'replacement', es: 'reposición' },
};
const typeName = (p: Params, lang: Language): string =>
  applicationTypes[p.type ?? '']?.[lang] ?? p.type ?? '';

/** 2027-01-08 → 2027年1月8日 / 8 Jan 2027 / 8/1/2027. */
export function localDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  if (lang === 'es') return `${d}/${m}/${y}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}`;
}

const texts: Record<NotificationKind, Record<Language, Template>> = {
  application_approved: {
    'zh-CN': (p, l) => `您的${typeName(p, l)}申请已批准，电子证件已在“我的证件”中。`,
    en: (p, l) => `Your ${typeName(p, l)} application is approved; the card is in My cards.`,
    es: (p, l) => `Su solicitud de ${typeName(p, l)} ha sido aprobada; la tarjeta está en Mis tarjetas.`,
  },
  application_rejected: {
    'zh-CN': (p, l) => `您的${typeName(p, l)}申请未予批准，原因：${p.reason ?? ''}`,
    en: (p, l) => `Your ${typeName(p, l)} application was rejected. Reason: ${p.reason ?? ''}`,
    es: (p, l) => `Su solicitud de ${typeName(p, l)} ha sido denegada. Motivo: ${p.reason ?? ''}`,
  },
  materials_requested: {
    'zh-CN': (p, l) =>
      `您的${typeName(p, l)}申请需补充材料：${termList(p.missing ?? '', l)}。${p.reason ? `说明：${p.reason}` : ''}`,
    en: (p, l) =>
      `Your ${typeName(p, l)} application needs: ${termList(p.missing ?? '', l)}.${p.reason ? ` Note: ${p.reason}` : ''}`,
    es: (p, l) =>
      `Su solicitud de ${typeName(p, l)} necesita: ${termList(p.missing ?? '', l)}.${p.reason ? ` Nota: ${p.reason}` : ''}`,
  },
  endorsement_due: {
    'zh-CN': (p, l) =>
      `您的居住证${p.number ?? ''}须于${localDate(p.closesOn ?? '', l)}前签注，逾期将暂停使用。`,
    en: (p, l) =>
      `Your residence permit ${p.number ?? ''} must be endorsed by ${localDate(p.closesOn ?? '', l)} or it will be suspended.`,
    es: (p, l) =>
      `Su permiso de residencia ${p.number ?? ''} debe refrendarse antes del ${localDate(p.closesOn ?? '', l)} o quedará suspendido.`,
  },
  card_suspended: {
    'zh-CN': (p) => `您的居住证${p.number ?? ''}因未按时签注已暂停使用，签注后即恢复。`,
    en: (p) =>
      `Your residence permit ${p.number ?? ''} is suspended: it was not endorsed in time. Endorse it to restore it.`,
    es: (p) =>
      `Su permiso de residencia ${p.number ?? ''} está suspendido por no refrendarse a tiempo. Refréndelo para restablecerlo.`,
  },
  card_expired: {
    'zh-CN': (p, l) => `您的证件${p.number ?? ''}已于${localDate(p.validUntil ?? '', l)}到期失效。`,
    en: (p, l) => `Your card ${p.number ?? ''} expired on ${localDate(p.validUntil ?? '', l)}.`,
    es: (p, l) => `Su tarjeta ${p.number ?? ''} caducó el ${localDate(p.validUntil ?? '', l)}.`,
  },
  appointment_booked: {
    'zh-CN': (p) =>
      `您已预约${p.when ?? ''}在${p.station ?? ''}（${p.address ?? ''}）办理居住证业务，请携带居民身份证按时到达。`,
    en: (p) =>
      `Booked: ${p.when ?? ''} at ${p.station ?? ''} (${p.address ?? ''}). Please bring your ID card.`,
    es: (p) =>
      `Cita reservada: ${p.when ?? ''} en ${p.station ?? ''} (${p.address ?? ''}). Traiga su documento de identidad.`,
  },
  appointment_reminder: {
    'zh-CN': (p) =>
      `提醒：您明天${p.when ?? ''}在${p.station ?? ''}（${p.address ?? ''}）有预约，请携带居民身份证。`,
    en: (p) =>
      `Reminder: your appointment is tomorrow, ${p.when ?? ''}, at ${p.station ?? ''} (${p.address ?? ''}).`,
    es: (p) =>
      `Recordatorio: su cita es mañana, ${p.when ?? ''}, en ${p.station ?? ''} (${p.address ?? ''}).`,
  },
  // Named as the console names an application (applicant, kind, day accepted; see
  // services/staff/overdue-application-names.ts); the id only if those could not be read.
  review_overdue: {
    'zh-CN': (p, l) =>
      `${p.type ? `${p.applicant || '一位申请人'}的${typeName(p, l)}申请（${localDate(p.acceptedOn ?? '', l)}受理）` : `申请${p.applicationId ?? ''}`}已超过办结期限（${localDate(p.dueBy ?? '', l)}）。`,
    en: (p, l) =>
      `${p.type ? `The ${typeName(p, l)} application of ${p.applicant || 'an applicant'}, accepted on ${localDate(p.acceptedOn ?? '', l)},` : `Application ${p.applicationId ?? ''}`} is past its due date (${localDate(p.dueBy ?? '', l)}).`,
    es: (p, l) =>
      `${p.type ? `La solicitud de ${typeName(p, l)} de ${p.applicant || 'un solicitante'}, aceptada el ${localDate(p.acceptedOn ?? '', l)},` : `La solicitud ${p.applicationId ?? ''}`} ha superado su plazo (${localDate(p.dueBy ?? '', l)}).`,
  },
  visit_overdue: {
    'zh-CN': (p, l) => `${p.street ?? ''}的入户核查已超过核查期限（${localDate(p.dueOn ?? '', l)}）。`,
    en: (p, l) =>
      `The verification visit in ${p.street ?? ''} is past its due date (${localDate(p.dueOn ?? '', l)}).`,
    es: (p, l) =>
      `La visita de verificación en ${p.street ?? ''} ha superado su plazo (${localDate(p.dueOn ?? '', l)}).`,
  },
};

const smsSignature = '【北京居住证】';

export function notificationText(kind: string, params: Params, lang: Language): string {
  const t = texts[kind as NotificationKind]?.[lang];
  return t ? t(params, lang) : kind;
}

/** The SMS as the phone receives it: the platform's signature (required on every SMS), then the text. */
export function notificationSms(kind: string, params: Params, lang: Language = 'zh-CN'): string {
  return smsSignature + notificationText(kind, params, lang);
}
