// The residents a staff search term names, as a condition on `residents`, through the blind index
// of the ID number or the name (null for a card number, which is searched on cards).
import { sql, type SQL } from 'drizzle-orm';
import { residentWithIdNumber, residentWithName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import type { SearchTerm } from './search-term.ts';

export function holdersMatching(cipher: PersonalCipher, term: SearchTerm): SQL | null {
  if (term.kind === 'id_number') return residentWithIdNumber(cipher, term.value);
  if (term.kind === 'name') return residentWithName(cipher, term.value);
  if (term.kind === 'none') return sql`false`;
  return null;
}
