// What POST /verify and the challenge route answer, shared by the route and the verifier page
// (web/verify imports the types with Static<>, so the page never restates the answer's shape).
import { Type } from 'typebox';
import { verificationResults, type VerificationResult } from '../../verify/index.ts';

export const CardView = Type.Object({
  kind: Type.String(),
  maskedName: Type.String(),
  districtCode: Type.String(),
  validUntil: Type.String(),
  name: Type.Optional(Type.String()),
  idNumber: Type.Optional(Type.String()),
  sex: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  birthDate: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  number: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  issuedOn: Type.Optional(Type.String()),
  issuingAuthority: Type.Optional(Type.String()),
  address: Type.Optional(
    Type.Object({ districtCode: Type.String(), streetCode: Type.String(), detail: Type.String() }),
  ),
});

export const VerifyAnswer = Type.Object({
  result: Type.Unsafe<VerificationResult>({ type: 'string', enum: [...verificationResults] }),
  kind: Type.Optional(Type.String()),
  checkedAt: Type.String(),
  card: Type.Optional(CardView),
  seenBefore: Type.Optional(
    Type.Object({
      at: Type.String(),
      verifier: Type.Optional(
        Type.String({ description: 'who checked first: only for a verifier authorised for the full record' }),
      ),
    }),
  ),
  form: Type.Optional(
    Type.Object(
      {
        serial: Type.String(),
        issuedAt: Type.String({ format: 'date-time' }),
        stationId: Type.String(),
        stationName: Type.String(),
      },
      { description: 'a confirmation form’s QR: when and where the form was issued' },
    ),
  ),
});

export const VerifyChallenge = Type.Object({ challenge: Type.String(), expiresAt: Type.String() });

export const StatusListIndex = Type.Array(
  Type.Object({ list: Type.Integer(), size: Type.Integer(), uri: Type.String() }),
);

export const TrustAnchorAnswer = Type.Object({
  kid: Type.String(),
  alg: Type.String(),
  publicJwk: Type.Record(Type.String(), Type.Unknown()),
});
