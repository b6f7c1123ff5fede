// An appointment's status as a refusal names it, with the words the wallet shows beside each
// booking (web/wallet/locales, `appointments.statuses`), so the message matches the list.
import type { Language } from './language.ts';

const names: Record<string, Record<Language, string>> = {
  booked: { 'zh-CN': '已预约', en: 'booked', es: 'reservada' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled', es: 'cancelada' },
  checked_in: { 'zh-CN': '已签到', en: 'checked in', es: 'registrada' },
  no_show: { 'zh-CN': '未到', en: 'missed', es: 'no se presentó' },
};

/** `checked_in` → "已签到" / "checked in" / "registrada" (an unknown status is left as it is). */
export const appointmentStatusName = (status: string, lang: Language): string =>
  names[status]?.[lang] ?? status;
