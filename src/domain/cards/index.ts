// The permits' card rules (DESIGN §2), one operation per file.
export { cardKinds, cardStatuses, isDisplayable } from './card.ts';
export type { Card, CardKind, CardSource, CardStatus, StoredCardStatus } from './card.ts';
export { ENDORSEMENT_CYCLE_MONTHS, endorsementWindow } from './endorsement-window.ts';
export type { EndorsementWindow } from './endorsement-window.ts';
export { effectiveStatus, validityDate } from './effective-status.ts';
export { importLegacyCard, issueCard } from './issue-card.ts';
export { endorseCard } from './endorse-card.ts';
export { revokeCard } from './revoke-card.ts';
export { supersedeCard } from './supersede-card.ts';
export { nextVersion } from './next-version.ts';
export { formatCardNumber, parseCardNumber } from './card-number.ts';
export type { CardNumberParts } from './card-number.ts';
