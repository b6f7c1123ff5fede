// What a staff search box was given: a full ID number, a card number, or a full name. Each kind
// becomes one exact, indexed look-up. A name is matched whole: names are sealed at rest and found
// by their blind index (src/crypto/blind-index.ts), which answers equality only, never a prefix.
import { AppError } from '../../domain/errors.ts';
import { normalisePersonName } from '../../domain/identity/person-name.ts';

export type SearchTerm =
  | { kind: 'id_number'; value: string }
  | { kind: 'card_number'; value: string }
  | { kind: 'name'; value: string }
  /** Nothing a name, an ID number or a card number can be: finds nothing. */
  | { kind: 'none' };

const ID_NUMBER = /^\d{17}[\dX]$/;
const CARD_NUMBER = /^[A-Z0-9]{6,30}$/;

export function classifySearch(q: string): SearchTerm {
  const term = q.normalize('NFKC').trim();
  const upper = term.toUpperCase();
  if (ID_NUMBER.test(upper)) return { kind: 'id_number', value: upper };
  if (CARD_NUMBER.test(upper) && /\d/.test(upper)) return { kind: 'card_number', value: upper };
  try {
    return { kind: 'name', value: normalisePersonName(term) };
  } catch (e) {
    if (e instanceof AppError) return { kind: 'none' };
    throw e;
  }
}
