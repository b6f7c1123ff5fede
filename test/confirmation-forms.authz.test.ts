// Who may print a confirmation form (DESIGN §4): the window clerk, at any station, for any holder.
// Officers decide and revoke but do not serve at the window, community police visit, admins run
// the city's configuration: none of them prints a form, and a resident never prints their own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';
import { findResidentByPhone } from '../src/db/repositories/residents.ts';

for (const target of dbTargets()) {
  describe(`POST /api/v1/staff/confirmation-forms authorization on ${target.name}`, () => {
    let p: TestPlatform;
    let idNumber: string;
    before(async () => {
      p = await startPlatform(target, '2026-11-20T10:00:00+08:00');
      idNumber = (await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000002'))!.idNumber!;
    });
    after(() => p.close());
    const issue = (token?: string) =>
      p.call('POST', '/api/v1/staff/confirmation-forms', {
        ...(token ? { token } : {}),
        body: { idNumber, evidence: 'id_card' },
      });

    test('no token 401; resident, officer, community police and admin 403; any station’s clerk 201', async () => {
      assert.equal((await issue()).statusCode, 401);
      assert.equal((await issue(await p.residentToken('13800000002'))).statusCode, 403);
      for (const user of ['officer-110105', 'police-110105', 'admin']) {
        assert.equal((await issue(await p.staffToken(user))).statusCode, 403, user);
      }
      for (const user of ['clerk-110105', 'clerk-110108']) {
        assert.equal((await issue(await p.staffToken(user))).statusCode, 201, user);
      }
    });
  });
}
