// A card is one version of a residence registration card (居住登记卡) or residence permit (居住证).
// The database stores a `storedStatus`; the status that counts on a given day (expired, suspended)
// is derived from the dates by effectiveStatus, so no nightly job has to flip rows for it to be true.
import type { IsoDate } from '../beijing-date.ts';

export type CardKind = 'registration_card' | 'residence_permit';
export const cardKinds: readonly CardKind[] = ['registration_card', 'residence_permit'];

/** `legacy`: a physical card issued before the e-permit, imported from the old system (R10). */
export type CardSource = 'electronic' | 'legacy';

/** What the database stores. */
export type StoredCardStatus = 'active' | 'revoked' | 'superseded';

/** The status that counts on a given date. */
export type CardStatus = 'valid' | 'suspended' | 'expired' | 'revoked' | 'superseded';
export const cardStatuses: readonly CardStatus[] = ['valid', 'suspended', 'expired', 'revoked', 'superseded'];

export interface Card {
  kind: CardKind;
  source: CardSource;
  storedStatus: StoredCardStatus;
  /** 1, then +1 for each change or replacement. */
  version: number;
  issuedOn: IsoDate;
  /**
   * Last valid day, inclusive. Registration card: issue + 6 months; residence permit: null
   * (open-ended while endorsed); legacy card: the expiry date printed on it.
   */
  validUntil: IsoDate | null;
  /** Residence permit only: the anniversary the next endorsement is due on. */
  endorsementDueOn: IsoDate | null;
  /** Start of continuous residence; restarts at a late endorsement (Art. 10). */
  residenceCountFrom: IsoDate;
}

/**
 * Only a valid or a suspended card is shown in the wallet: a suspended permit still displays, marked
 * suspended, and verifies as `suspended` (Art. 10: its use is suspended, the permit is not void).
 */
export function isDisplayable(status: CardStatus): boolean {
  return status === 'valid' || status === 'suspended';
}
