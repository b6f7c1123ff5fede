// What a resident's wallet reads about its own account: shared by the routes and the wallet page
// (which imports the types with Static<>).
import { Type } from 'typebox';
import { IsoDateString } from './common.ts';

export const Profile = Type.Object({
  identityBound: Type.Boolean(),
  maskedName: Type.Union([Type.String(), Type.Null()]),
  /** Only the last four characters: the full number is never sent back. */
  idNumberTail: Type.Union([Type.String(), Type.Null()]),
  phoneTail: Type.Union([Type.String(), Type.Null()]),
});

export const IdentityBinding = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    idNumber: Type.String({ minLength: 1, maxLength: 30 }),
    bindingCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 20,
        description:
          'For an identity the platform already holds without a phone (window intake, legacy card, ward): the single-use code a station clerk printed on seeing the ID',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BoundIdentity = Type.Object({
  maskedName: Type.String(),
  birthDate: IsoDateString,
  sex: Type.String(),
});

export const MyCard = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  number: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  issuedOn: IsoDateString,
  validUntil: IsoDateString,
  endorsementDueOn: Type.Union([IsoDateString, Type.Null()]),
  endorsementOpen: Type.Boolean({ description: "today is within the permit's endorsement window" }),
  source: Type.String(),
  districtCode: Type.String(),
  ward: Type.Union([Type.Object({ name: Type.String(), relation: Type.String() }), Type.Null()]),
  revokedReason: Type.Union([Type.String(), Type.Null()]),
});

export const AccessLogEntry = Type.Object({
  at: Type.String(),
  cardNumber: Type.String(),
  result: Type.String(),
  verifier: Type.String(),
  verifierKind: Type.Union([Type.String(), Type.Null()]),
  fullRecord: Type.Boolean(),
});

/** A live display code (DESIGN §3): the QR's text and its life, in the server's time. */
export const DisplayCode = Type.Object({
  code: Type.String(),
  issuedAt: Type.String(),
  expiresAt: Type.String(),
});
