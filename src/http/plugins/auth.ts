// Reads `Authorization: Bearer <token>` on every request; routes decide what they require. A
// token refused for a reason the caller can act on (expired, idle, account deactivated) is kept
// on the request, so a route that needs a session answers with that reason instead of the bare
// UNAUTHENTICATED (plugins/errors.ts); public routes ignore it.
import { authenticate } from '../../services/auth/authenticate.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { App } from '../types.ts';

export function registerAuth(app: App, ctx: ServiceContext): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authRefusal', undefined);
  app.addHook('preHandler', async (req) => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return;
    const result = await authenticate(ctx, header.slice('Bearer '.length).trim());
    if (result && 'principal' in result) req.principal = result.principal;
    else if (result) req.authRefusal = result.refused;
  });
}
