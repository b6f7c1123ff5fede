// What a staff search box was given: a full ID number, a card number, or the start of a name.
// Each kind becomes one exact, indexed look-up; the name a prefix with LIKE's wildcards escaped,
// so '%' finds a '%' and not everyone.
export type SearchTerm =
  | { kind: 'id_number'; value: string }
  | { kind: 'card_number'; value: string }
  | { kind: 'name_prefix'; value: string };

const ID_NUMBER = /^\d{17}[\dX]$/;
const CARD_NUMBER = /^[A-Z0-9]{6,30}$/;

export function classifySearch(q: string): SearchTerm {
  const term = q.normalize('NFKC').trim();
  const upper = term.toUpperCase();
  if (ID_NUMBER.test(upper)) return { kind: 'id_number', value: upper };
  if (CARD_NUMBER.test(upper) && /\d/.test(upper)) return { kind: 'card_number', value: upper };
  return { kind: 'name_prefix', value: term.replace(/[\\%_]/g, (c) => `\\${c}`) + '%' };
}
