// A card as staff screens list it: number, kind, version, the status that counts today (derived
// from dates, so a lapsed endorsement shows as suspended with no job having run) and validity.
import { effectiveStatus, validityDate } from '../../domain/cards/effective-status.ts';
import type { IsoDate } from '../../domain/beijing-date.ts';
import type { Policy } from '../../domain/policy.ts';
import { toDomainCard, type CardRow } from '../../db/repositories/cards.ts';

export function cardSummary(row: CardRow, today: IsoDate, policy: Policy) {
  const card = toDomainCard(row);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    source: row.source,
    version: row.version,
    status: effectiveStatus(card, today, policy),
    issuedOn: row.issuedOn,
    validUntil: validityDate(card, policy),
    endorsementDueOn: row.endorsementDueOn,
    districtCode: row.districtCode,
  };
}
