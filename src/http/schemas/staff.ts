// What the staff console reads about applications: the queue and the detail. Defined once here;
// the routes validate and document with them and the console imports the `Static<>` types.
import { Type, type Static } from 'typebox';
import {
  applicationStatuses,
  applicationTypes,
  bases,
  materialKinds,
} from '../../domain/applications/application.ts';
import { cardKinds, cardStatuses } from '../../domain/cards/card.ts';
import { IsoDateString, Uuid } from './common.ts';

// Type.Enum keeps the literal union in `Static<>` (a Union mapped from an array would be `never`).
export const ApplicationType = Type.Enum(applicationTypes);
export const ApplicationStatus = Type.Enum(applicationStatuses);
export const MaterialKind = Type.Enum(materialKinds);
export const Basis = Type.Enum(bases);
export const CardKind = Type.Enum(cardKinds);
export const CardStatus = Type.Enum(cardStatuses, {
  description: 'the status that counts today, derived from the dates',
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
export const Channel = Type.Union([Type.Literal('online'), Type.Literal('window')]);

export const QueueSort = Type.Union([
  Type.Literal('dueBy'),
  Type.Literal('acceptedOn'),
  Type.Literal('createdAt'),
]);

export const QueueQuery = Type.Object({
  status: Type.Optional(Type.Array(ApplicationStatus, { maxItems: 7, description: 'any of these' })),
  type: Type.Optional(Type.Array(ApplicationType, { maxItems: 5 })),
  channel: Type.Optional(Type.Array(Channel, { maxItems: 2 })),
  overdue: Type.Optional(Type.Boolean({ description: 'only applications past their due date' })),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'an 18-character ID number, a card number (exact), or the start of the applicant name',
    }),
  ),
  sort: Type.Optional(QueueSort),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

/** The working-day clock of DESIGN §2, as the console shows it. */
const TimeLimit = {
  dueBy: IsoDateString,
  dueByProvisional: Type.Boolean({
    description:
      'counted on the provisional calendar of a year not yet published (weekends and fixed-date holidays); recomputed when the year is loaded',
  }),
  workingDaysLeft: Nullable(
    Type.Integer({
      description:
        'working days after today up to the due date (0 on it, negative past it); null while the clock stops',
    }),
  ),
  overdue: Type.Boolean(),
};

export const QueueRow = Type.Object({
  id: Uuid,
  type: ApplicationType,
  status: ApplicationStatus,
  channel: Channel,
  applicantName: Nullable(Type.String()),
  applicantIdNumber: Nullable(Type.String({ description: 'masked: first and last four characters' })),
  byProxy: Type.Boolean(),
  cardNumber: Nullable(Type.String({ description: 'the card a change, replacement or endorsement is for' })),
  stationId: Type.String(),
  districtCode: Type.String(),
  streetCode: Type.String(),
  acceptedOn: IsoDateString,
  ...TimeLimit,
  missing: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type QueueRow = Static<typeof QueueRow>;

export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'rows matching the filters, across all pages' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

export const QueuePage = Page(QueueRow);
export type QueuePage = Static<typeof QueuePage>;

export const MaskedPerson = Type.Object({
  id: Uuid,
  name: Nullable(Type.String()),
  idNumber: Nullable(Type.String({ description: 'masked; the full number through reveal-id (audited)' })),
});

export const CardSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: CardKind,
  source: Type.Union([Type.Literal('electronic'), Type.Literal('legacy')]),
  version: Type.Integer(),
  status: CardStatus,
  issuedOn: IsoDateString,
  validUntil: Type.String({ format: 'date', description: 'last valid day, or the endorsement deadline' }),
  endorsementDueOn: Nullable(IsoDateString),
  districtCode: Type.String(),
});
export type CardSummary = Static<typeof CardSummary>;

export const HistoryEvent = Type.Object({
  at: DateTime,
  action: Type.String({ description: 'e.g. application.submitted, application.approve, material.viewed' }),
  actorKind: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String({ description: "a staff member's display name" })),
  stationId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'identifiers and codes only' }),
});
export type HistoryEvent = Static<typeof HistoryEvent>;

export const ApplicationDetail = Type.Object({
  ...Type.Omit(QueueRow, ['applicantName', 'applicantIdNumber', 'byProxy', 'cardNumber']).properties,
  reason: Nullable(Type.String()),
  cardId: Nullable(Uuid),
  issuedCardId: Nullable(Uuid),
  decidedAt: Nullable(DateTime),
  applicant: Type.Object({
    ...MaskedPerson.properties,
    sex: Nullable(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    birthDate: Nullable(IsoDateString),
  }),
  address: Type.Object({
    districtCode: Type.String(),
    districtName: Nullable(Type.String({ description: 'the official (Chinese) name, as on the card' })),
    streetCode: Type.String(),
    streetName: Nullable(Type.String({ description: 'the official (Chinese) name, as on the card' })),
    detail: Type.String(),
    flags: Type.Array(Type.String(), { description: 'what could not be checked, for the visit' }),
  }),
  basis: Nullable(Basis),
  eligibility: Nullable(Type.Record(Type.String(), Type.Unknown())),
  materialsChecked: Nullable(
    Type.Array(Type.String(), { description: 'papers the clerk checked at the window' }),
  ),
  materials: Type.Array(
    Type.Object({
      id: Uuid,
      kind: MaterialKind,
      contentType: Type.String(),
      size: Type.Integer(),
      round: Type.Integer(),
      uploadedAt: DateTime,
    }),
  ),
  photoMaterialId: Nullable(Uuid),
  proxy: Nullable(
    Type.Object({
      agent: MaskedPerson,
      relation: Type.String(),
      reason: Type.String(),
      documentsChecked: Type.Array(Type.String()),
    }),
  ),
  card: Nullable(CardSummary),
  history: Type.Array(HistoryEvent),
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const RevealedIdNumbers = Type.Object({
  applicant: Nullable(Type.String()),
  agent: Nullable(Type.String()),
});
export type RevealedIdNumbers = Static<typeof RevealedIdNumbers>;

export const CardQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: "a card number or the holder's full ID number (exact), or the start of the holder's name",
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type CardQuery = Static<typeof CardQuery>;

export const CardRow = Type.Object({
  ...CardSummary.properties,
  holder: MaskedPerson,
});
export type CardRow = Static<typeof CardRow>;

export const CardPage = Page(CardRow);
export type CardPage = Static<typeof CardPage>;

export const CardDetail = Type.Object({
  ...CardRow.properties,
  revokedReason: Nullable(Type.String()),
  revokedAt: Nullable(DateTime),
  versions: Type.Array(CardSummary, { description: 'every version of the card number, oldest first' }),
  history: Type.Array(HistoryEvent, {
    description: 'issue, endorsement, revocation…, of every version (verifications are in the access log)',
  }),
});
export type CardDetail = Static<typeof CardDetail>;
