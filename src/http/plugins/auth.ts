// Reads `Authorization: Bearer <token>` on every request; routes decide what they require.
import { authenticate } from '../../services/auth/authenticate.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { App } from '../types.ts';

export function registerAuth(app: App, ctx: ServiceContext): void {
  app.decorateRequest('principal', undefined);
  app.addHook('preHandler', async (req) => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return;
    req.principal = await authenticate(ctx, header.slice('Bearer '.length).trim());
  });
}
