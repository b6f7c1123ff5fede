// What the administration pages read: defined once, `Static<>` types for the pages.
import { Type, type Static } from 'typebox';
import { Uuid } from './common.ts';

const DateTime = Type.String({ format: 'date-time' });
const OptionalDateTime = Type.Union([DateTime, Type.Null()]);

export const SigningKey = Type.Object({
  kid: Type.String(),
  purpose: Type.Union([Type.Literal('display_code'), Type.Literal('trust_anchor')]),
  alg: Type.Union([Type.Literal('ES256'), Type.Literal('EdDSA')]),
  canSign: Type.Boolean({ description: 'false for a key imported for verification only' }),
  createdAt: DateTime,
  signUntil: OptionalDateTime,
  verifyUntil: OptionalDateTime,
  signsNow: Type.Boolean(),
});
export type SigningKey = Static<typeof SigningKey>;

export const VerifierKey = Type.Object({
  id: Uuid,
  prefix: Type.String({ description: 'the first characters, to recognise it; the key was shown once' }),
  createdAt: DateTime,
  revokedAt: OptionalDateTime,
});
export type VerifierKey = Static<typeof VerifierKey>;

const PolicyValue = Type.Union([Type.Integer(), Type.String()]);
export const PolicyInForce = Type.Object({
  file: Type.Union([Type.String(), Type.Null()], { description: 'JUZHU_POLICY_FILE, if set' }),
  settings: Type.Array(
    Type.Object({
      name: Type.String(),
      value: PolicyValue,
      default: PolicyValue,
      source: Type.Union([Type.Literal('default'), Type.Literal('file')]),
    }),
  ),
});
export type PolicyInForce = Static<typeof PolicyInForce>;

// Stations and staff accounts as the admin routes answer them.

export const StationKind = Type.Union([Type.Literal('police_station'), Type.Literal('service_station')]);
export const Role = Type.Union([
  Type.Literal('clerk'),
  Type.Literal('officer'),
  Type.Literal('community_police'),
  Type.Literal('admin'),
]);
export const Station = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StationKind,
  districtCode: Type.String(),
  streetCodes: Type.Array(Type.String()),
  address: Type.String(),
});
export const Staff = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  stationId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  secondFactor: Type.Boolean({ description: 'whether a TOTP second factor is enrolled' }),
});

/** A new TOTP secret, answered this once: for typing by hand, and as a URI for an authenticator's QR. */
export const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'base32, for typing into an authenticator by hand' }),
  uri: Type.String({ description: 'otpauth://totp/…, drawn as a QR code for an authenticator' }),
});
export type TotpEnrolment = Static<typeof TotpEnrolment>;
