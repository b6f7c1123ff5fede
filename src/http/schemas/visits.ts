// What the staff console reads and sends about verification visits (R14). Defined once here; the
// routes validate and document with them and the console imports the `Static<>` types.
import { Type, type Static } from 'typebox';
import { reviewDecisions, visitOutcomes, visitReasons, visitStatuses } from '../../domain/visits/visit.ts';
import { IsoDateString, Uuid } from './common.ts';
import { CardKind, CardStatus, HistoryEvent, Page } from './staff.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const VisitStatus = Type.Enum(visitStatuses, {
  description:
    'open (to be made), confirmed, needs_review (not_found or mismatch, for an officer), revoked or kept (reviewed), superseded (a newer address)',
});
export const VisitOutcome = Type.Enum(visitOutcomes);
export const VisitReason = Type.Enum(visitReasons, {
  description:
    'new_card: a new permit or registration card; address_change: a new version at another address',
});
export const ReviewDecision = Type.Enum(reviewDecisions);

const StaffName = Nullable(Type.Object({ id: Uuid, name: Type.String() }));

export const VisitView = Type.Object({
  id: Uuid,
  status: VisitStatus,
  reason: VisitReason,
  stationId: Type.String({ description: 'the station whose community police serve the street' }),
  address: Type.Object({
    districtCode: Type.String(),
    districtName: Nullable(Type.String({ description: 'from the administrative-division data' })),
    streetCode: Type.String(),
    streetName: Nullable(Type.String()),
    detail: Type.String(),
  }),
  holder: Type.Object({
    id: Uuid,
    name: Nullable(Type.String()),
    idNumber: Nullable(Type.String({ description: 'masked: first and last four characters' })),
  }),
  card: Type.Object({
    id: Uuid,
    number: Type.String(),
    kind: CardKind,
    version: Type.Integer(),
    status: CardStatus,
  }),
  dueOn: IsoDateString,
  dueOnProvisional: Type.Boolean({
    description:
      'counted on the provisional calendar of a year not yet published (weekends and fixed-date holidays); recounted when the year is loaded',
  }),
  workingDaysLeft: Nullable(
    Type.Integer({
      description: 'working days after today up to the due date, while open (negative past it)',
    }),
  ),
  overdue: Type.Boolean(),
  assignedTo: StaffName,
  assignedAt: Nullable(DateTime),
  outcome: Nullable(VisitOutcome),
  note: Nullable(Type.String()),
  recordedBy: StaffName,
  recordedAt: Nullable(DateTime),
  reviewNote: Nullable(Type.String()),
  reviewedBy: StaffName,
  reviewedAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type VisitView = Static<typeof VisitView>;

export const VisitDetail = Type.Object({ ...VisitView.properties, history: Type.Array(HistoryEvent) });
export type VisitDetail = Static<typeof VisitDetail>;

export const VisitPage = Page(VisitView);
export type VisitPage = Static<typeof VisitPage>;

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};
const Street = Type.String({ pattern: '^[0-9]{9}$', description: 'a 9-digit street (乡镇/街道) code' });

export const VisitQuery = Type.Object({
  status: Type.Optional(Type.Array(VisitStatus, { maxItems: 6, description: 'any of these' })),
  street: Type.Optional(Street),
  assigned: Type.Optional(
    Type.Union([Type.Literal('me'), Type.Literal('unassigned')], {
      description: "me: the caller's visits; unassigned: nobody's yet",
    }),
  ),
  overdue: Type.Optional(Type.Boolean({ description: 'only open visits past their due date' })),
  ...Paging,
});
export type VisitQuery = Static<typeof VisitQuery>;

export const ReviewQuery = Type.Object({ street: Type.Optional(Street), ...Paging });

export const Assignees = Type.Array(Type.Object({ id: Uuid, name: Type.String() }));

export const AssignBody = Type.Object(
  { staffId: Type.String({ format: 'uuid', description: 'a community police officer serving the street' }) },
  { additionalProperties: false },
);

export const OutcomeBody = Type.Object(
  {
    outcome: VisitOutcome,
    note: Type.Optional(
      Type.String({ maxLength: 500, description: 'what was found; required for not_found and mismatch' }),
    ),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

export const ReviewBody = Type.Object(
  {
    decision: ReviewDecision,
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'revoke: the reason the holder sees; keep: why the card stays',
    }),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;
