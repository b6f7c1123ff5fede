// Server-side credentials: keys, display codes, status lists, trust list, JWKS. Pure crypto, no
// storage: every record is plain data the caller persists.
export { generateSigningKey, signingKeyRecord, trustedKeyOf, kidOf } from './signing-key.ts';
export type { SigningAlg, SigningKeyRecord } from './signing-key.ts';
export { unlockSigner } from './unlock-signer.ts';
export type { Signer } from './unlock-signer.ts';
export { retireSigningKey, currentSigningKey } from './rotate-signing-key.ts';
export {
  newDisplayClaims,
  signDisplayCode,
  DEFAULT_LIFETIME_SECONDS,
  DEFAULT_SKEW_SECONDS,
  MAX_CODE_CHARACTERS,
} from './sign-display-code.ts';
export type { CardFields, DisplayClaims } from './sign-display-code.ts';
export {
  createStatusList,
  allocateStatusIndex,
  allocateStatusIndices,
  setStatus,
  getStatus,
  MIN_STATUS_LIST_SIZE,
} from './status-list.ts';
export type { StatusListRecord, ListedStatus } from './status-list.ts';
export { signStatusList } from './sign-status-list.ts';
export type { StatusListTokenOptions } from './sign-status-list.ts';
export { buildTrustList, signTrustList, trustAnchorOf } from './sign-trust-list.ts';
export { buildJwks } from './jwks.ts';
export type { PublishedJwk } from './jwks.ts';
export { nodeSignatureCheck } from './node-signature-check.ts';
export { signConfirmationForm, FORM_QR_SIDE_MM } from './sign-confirmation-form.ts';
