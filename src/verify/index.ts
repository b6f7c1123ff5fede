// @juzhu verify: the offline verifier library (DESIGN §1). Runs unchanged in browsers and Node:
// it imports nothing of the server and no node:* module (lint enforces it).
export { verificationResults, isVerificationResult } from './results.ts';
export type { VerificationResult, CardStatus } from './results.ts';
export { verifyDisplayCode } from './verify-display-code.ts';
export type { OfflineContext } from './verify-display-code.ts';
export { checkSignedCode } from './check-signed-code.ts';
export type { SignedCodeCheck, SignedCodeContext } from './check-signed-code.ts';
export { applyCardStatus } from './apply-card-status.ts';
export type { VerificationOutcome } from './apply-card-status.ts';
export { decodeDisplayCode, DISPLAY_CODE_PREFIX, MAX_DISPLAY_CODE_LENGTH } from './decode-display-code.ts';
export type { DecodedDisplayCode } from './decode-display-code.ts';
export { verifyStatusList } from './verify-status-list.ts';
export type { StatusListCheck, ListOptions } from './verify-status-list.ts';
export { verifyTrustList } from './verify-trust-list.ts';
export type { TrustAnchor, TrustListCheck } from './verify-trust-list.ts';
export type { ListProblem } from './verify-cose-token.ts';
export { cardStatusFromList, isStale, statusAt, STATUS_VALUE } from './status-list.ts';
export type { StatusListSnapshot, StatusValue } from './status-list.ts';
export { findTrustedKey } from './trust-list.ts';
export type { TrustedKey, TrustList } from './trust-list.ts';
export type { DisplayClaims, CardKind } from './display-claims.ts';
export { LIMITS as DISPLAY_CLAIM_LIMITS } from './display-claims.ts';
export { webCryptoSignatureCheck } from './check-signature.ts';
export type { SignatureCheck } from './check-signature.ts';
export type { SigningAlg } from './cose-sign1.ts';
export type { PublicKeyOf } from './cose-key.ts';
export { encodeBase45, decodeBase45 } from './base45.ts';
