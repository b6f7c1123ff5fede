// An ID number as a staff screen shows it until someone asks, audited, for the whole number:
// the first 4 and last 4 characters (1101**********123X). Enough to tell two applicants apart
// and to compare with the card in hand; the birth date and the sequence stay hidden from a
// shoulder or a screenshot (PIPL Art. 28: an ID number is sensitive personal information).
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 8) + idNumber.slice(-4);
}
