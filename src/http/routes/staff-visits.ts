// Verification visits (R14). Every route checks role and jurisdiction in its service
// (services/visits/visits.ts); see test/staff-visits.authz.test.ts.
import type { ServiceContext } from '../../services/context.ts';
import {
  assignVisit,
  listVisits,
  recordVisitOutcome,
  reviewVisit,
  visitAssignees,
  visitDetail,
  visitReviewQueue,
} from '../../services/visits/visits.ts';
import { errors, IdParams } from '../schemas/common.ts';
import {
  AssignBody,
  Assignees,
  OutcomeBody,
  ReviewBody,
  ReviewQuery,
  VisitDetail,
  VisitPage,
  VisitQuery,
  VisitView,
} from '../schemas/visits.ts';
import type { App } from '../types.ts';

export function staffVisitRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/visits',
    {
      schema: {
        tags: ['staff'],
        summary:
          "Visit tasks of the caller's streets (community police) or district (officer): open first, earliest due first, filtered and paged",
        security: [{ bearer: [] }],
        querystring: VisitQuery,
        response: { 200: VisitPage, ...errors(400, 401, 403) },
      },
    },
    (req) => listVisits(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/visits/review',
    {
      schema: {
        tags: ['staff'],
        summary: 'Visits that found no such resident or a mismatch, for an officer of the district to review',
        security: [{ bearer: [] }],
        querystring: ReviewQuery,
        response: { 200: VisitPage, ...errors(400, 401, 403) },
      },
    },
    (req) => visitReviewQueue(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/visits/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One visit with its history (community police of the street, officer of the district)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: VisitDetail, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => visitDetail(ctx, req.principal, req.params.id),
  );

  app.get(
    '/staff/visits/:id/assignees',
    {
      schema: {
        tags: ['staff'],
        summary: "The community police officers serving the visit's street, whom it may be put on",
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Assignees, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => visitAssignees(ctx, req.principal, req.params.id),
  );

  app.post(
    '/staff/visits/:id/assign',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Put an open visit on a community police officer serving its street (community police, officer)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: AssignBody,
        response: { 200: VisitView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    (req) => assignVisit(ctx, req.principal, req.params.id, req.body.staffId),
  );

  app.post(
    '/staff/visits/:id/outcome',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Record what the visit found: confirmed, not_found or mismatch (with a note); community police of the street only',
        security: [{ bearer: [] }],
        params: IdParams,
        body: OutcomeBody,
        response: { 200: VisitView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    (req) => recordVisitOutcome(ctx, req.principal, req.params.id, req.body),
  );

  app.post(
    '/staff/visits/:id/review',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Review a doubtful visit: revoke the card (the one revocation, with a reason the holder sees) or keep it (officer of the district)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: ReviewBody,
        response: { 200: VisitView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    (req) => reviewVisit(ctx, req.principal, req.params.id, req.body),
  );
}
