// Builds the HTTP application (kept apart from listen(), so tests drive it with inject()).
import type { JobRunner } from '../services/jobs/runner.ts';
import { notificationRoutes } from './routes/notifications.ts';
import Fastify, { type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.ts';
import type { ServiceContext } from '../services/context.ts';
import { frameworkErrors, registerErrorHandling } from './plugins/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerStaffArea } from './plugins/staff-area.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { docsCsp, registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerCookies } from './plugins/cookie-session.ts';
import { registerWebPages } from './plugins/web-pages.ts';
import { ErrorResponse } from './schemas/common.ts';
import { ApplicationView } from './schemas/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { devRoutes } from './routes/dev.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { applicationRoutes } from './routes/applications.ts';
import { stationRoutes } from './routes/stations.ts';
import { staffApplicationRoutes } from './routes/staff-applications.ts';
import { adminCalendarRoutes } from './routes/admin-calendar.ts';
import { adminCredentialRoutes } from './routes/admin-credentials.ts';
import { adminPolicyRoutes } from './routes/admin-policy.ts';
import { adminStationStaffRoutes } from './routes/admin-stations-staff.ts';
import { credentialRoutes, wellKnownRoutes } from './routes/credentials.ts';
import { appointmentRoutes } from './routes/appointments.ts';
import { staffConfirmationFormRoutes } from './routes/staff-confirmation-forms.ts';
import { staffCardRoutes } from './routes/staff-cards.ts';
import { staffVisitRoutes } from './routes/staff-visits.ts';
import { staffAlertRoutes } from './routes/staff-alerts.ts';
import { staffIdentityRoutes } from './routes/staff-identity.ts';
import { staffPasskeyRoutes } from './routes/staff-passkeys.ts';
import { staffStatisticsRoutes } from './routes/staff-statistics.ts';
import type { App } from './types.ts';

export interface BuildOptions {
  ctx: ServiceContext;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Behind a load balancer: whose X-Forwarded-For names the client (rate limits count per client). */
  trustProxy?: boolean | string;
  /** Serve GET /metrics and the OpenAPI page /docs (both by default; production config says no). */
  expose?: { metrics: boolean; docs: boolean };
  /** Scheduled jobs (docs/jobs.md): started when the app is ready, stopped (awaited) on close. */
  jobs?: JobRunner | undefined;
}

export async function buildApp({
  ctx,
  database,
  logger = false,
  trustProxy = false,
  expose = { metrics: true, docs: true },
  jobs,
}: BuildOptions): Promise<App> {
  const app: App = Fastify({
    logger,
    bodyLimit: 256 * 1024,
    trustProxy,
    frameworkErrors,
    // verbose: each error carries its schema and data, so a refusal of a union can name the
    // choice that was wrong (src/http/plugins/validation-problem.ts).
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false, verbose: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  if (jobs) {
    app.addHook('onReady', (done) => {
      jobs.start();
      done();
    });
    app.addHook('onClose', async () => jobs.stop());
  }
  registerSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'juzhu API',
        version: '1',
        description: 'Electronic residence permits (居住证): apply, review, issue, show and verify.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  if (expose.docs) await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: docsCsp });
  app.addSchema(ErrorResponse);
  app.addSchema(ApplicationView);
  await registerCookies(app);
  registerAuth(app, ctx);
  registerStaffArea(app);
  // A POST without a body is a POST with an empty JSON object: `POST /cards/{id}/display-codes`
  // with no challenge needs no body at all, and required fields still fail their schema.
  app.addHook('preValidation', (req, _reply, done) => {
    if (req.body === undefined && (req.method === 'POST' || req.method === 'PUT')) req.body = {};
    done();
  });
  registerIdempotency(app, ctx);

  healthRoutes(app, database);
  await registerWebPages(app);
  if (expose.metrics) registerMetrics(app);
  wellKnownRoutes(app, ctx);
  await app.register(
    (api: App, _opts, done) => {
      authRoutes(api, ctx);
      if (ctx.mode === 'demo') devRoutes(api, ctx);
      meRoutes(api, ctx);
      applicationRoutes(api, ctx);
      stationRoutes(api, ctx);
      staffApplicationRoutes(api, ctx);
      adminCalendarRoutes(api, ctx);
      adminCredentialRoutes(api, ctx);
      adminPolicyRoutes(api, ctx);
      adminStationStaffRoutes(api, ctx);
      credentialRoutes(api, ctx);
      staffCardRoutes(api, ctx);
      staffIdentityRoutes(api, ctx);
      staffPasskeyRoutes(api, ctx);
      staffStatisticsRoutes(api, ctx);
      staffConfirmationFormRoutes(api, ctx);
      appointmentRoutes(api, ctx);
      notificationRoutes(api, ctx);
      staffVisitRoutes(api, ctx);
      staffAlertRoutes(api, ctx);
      done();
    },
    { prefix: '/api/v1' },
  );
  return app;
}
