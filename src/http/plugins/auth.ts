// Reads the session on every request (`Authorization: Bearer <token>`, or the web pages' cookie,
// see cookie-session.ts); routes decide what they require. A token refused for a reason the caller
// can act on (expired, idle, account deactivated) is kept on the request, so a route that needs a
// session answers with that reason instead of the bare UNAUTHENTICATED (plugins/errors.ts); public
// routes ignore it.
import { authenticate } from '../../services/auth/authenticate.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { App } from '../types.ts';
import { sessionTokenOf } from './cookie-session.ts';

export function registerAuth(app: App, ctx: ServiceContext): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authRefusal', undefined);
  // Before validation: a caller without the right session is refused as such (401/403) before any
  // word about their body (staff-area.ts), so a refusal tells a stranger nothing of the schema.
  app.addHook('preValidation', async (req) => {
    const token = sessionTokenOf(req);
    if (token === undefined) return;
    const result = await authenticate(ctx, token);
    if (result && 'principal' in result) req.principal = result.principal;
    else if (result) req.authRefusal = result.refused;
  });
}
