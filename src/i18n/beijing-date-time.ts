// An instant as a person reads it: Beijing time whatever the server's or phone's time zone (the
// stations keep Beijing hours, DESIGN §2), in the reader's language. The same format as the
// wallet's formatDateTime (web/shared/format.ts), so a refusal names the deadline as the page does.
import type { Language } from './language.ts';

export function beijingDateTime(instant: string | Date, lang: Language): string {
  const t = new Date(instant);
  // Not an instant (a template's placeholder under test): said as given, where Intl would throw.
  if (Number.isNaN(t.getTime())) return String(instant);
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(t);
}
