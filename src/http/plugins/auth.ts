// Reads the session on every request (`Authorization: Bearer <token>`, or the web pages' cookie,
// see cookie-session.ts); routes decide what they require.
import { authenticate } from '../../services/auth/authenticate.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { App } from '../types.ts';
import { sessionTokenOf } from './cookie-session.ts';

export function registerAuth(app: App, ctx: ServiceContext): void {
  app.decorateRequest('principal', undefined);
  app.addHook('preHandler', async (req) => {
    const token = sessionTokenOf(req);
    if (token === undefined) return;
    req.principal = await authenticate(ctx, token);
  });
}
