// What the staff console reads about its station's alerts (GET /staff/alerts). Defined once here;
// the route validates and documents with it and the console imports the `Static<>` types.
import { Type, type Static } from 'typebox';
import { IsoDateString, Uuid } from './common.ts';

export const AlertQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type AlertQuery = Static<typeof AlertQuery>;

export const AlertView = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('review_overdue'), Type.Literal('visit_overdue')], {
    description:
      "review_overdue (an officer's): an application past its due date; visit_overdue (community police's): a verification visit past its due date",
  }),
  text: Type.String({ description: "in the reader's language (Accept-Language)" }),
  subject: Type.Object({
    kind: Type.Union([Type.Literal('application'), Type.Literal('visit')]),
    id: Uuid,
  }),
  dueOn: IsoDateString,
  open: Type.Boolean({
    description:
      'still stands: the application is still undecided, or the visit still not made, by that due date',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AlertView = Static<typeof AlertView>;

export const AlertPage = Type.Object({
  items: Type.Array(AlertView),
  total: Type.Integer({ description: 'alerts of the station for the caller, across all pages' }),
  open: Type.Integer({ description: 'of which still stand: the count the console shows in its navigation' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type AlertPage = Static<typeof AlertPage>;
