// The staff API's outer wall (DESIGN §4): every route under /api/v1/staff/ needs a staff session and
// every route under /api/v1/admin/ an administrator's, checked at the edge before validation, so a
// route added tomorrow is walled in the day it is added (test/staff-routes.authz.test.ts walks the
// route table). The services still check each route's own roles and the jurisdiction: this is the
// first line, not the only one.
import { AppError, NotSignedIn } from '../../domain/errors.ts';
import type { App } from '../types.ts';

const STAFF_AREA = '/api/v1/staff/';
const ADMIN_AREA = '/api/v1/admin/';

export function registerStaffArea(app: App): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const route = req.routeOptions.url;
    const admin = route?.startsWith(ADMIN_AREA) ?? false;
    if (route === undefined || (!admin && !route.startsWith(STAFF_AREA))) return done();
    const p = req.principal;
    if (!p) return done(new NotSignedIn());
    if (p.kind !== 'staff' || (admin && p.role !== 'admin')) return done(new AppError('FORBIDDEN'));
    done();
  });
}
