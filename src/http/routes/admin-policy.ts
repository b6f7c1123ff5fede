import type { ServiceContext } from '../../services/context.ts';
import { policyInForce } from '../../services/admin/read-admin-overviews.ts';
import { PolicyInForce } from '../schemas/admin.ts';
import { errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

export function adminPolicyRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/admin/policy',
    {
      schema: {
        tags: ['admin'],
        summary:
          'The policy in force, each value with its default and its source (default or JUZHU_POLICY_FILE)',
        security: [{ bearer: [] }],
        response: { 200: PolicyInForce, ...errors(401, 403) },
      },
    },
    (req) => policyInForce(ctx, req.principal),
  );
}
