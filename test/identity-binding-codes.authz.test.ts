// Who may issue an identity binding code (DESIGN §4, §5): a clerk of any station, since a person
// may show their ID at any window (as for a confirmation form). Every other caller is refused and
// nothing is stored; bad input is refused with its code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { auditLog, identityBindingCodes } from '../src/db/schema/index.ts';

const PATH = '/api/v1/staff/identity-binding-codes';
const idNumber = makeTestIdNumber('320102', '1979-11-02', 57);

for (const target of dbTargets()) {
  describe(`POST ${PATH} on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-09-15T10:00:00+08:00');
    });
    after(() => p.close());

    const issue = (token: string | undefined, body: unknown = { idNumber, evidence: 'id_card' }) =>
      p.call('POST', PATH, { ...(token ? { token } : {}), body });
    const stored = async () => p.database.db.select().from(identityBindingCodes);

    test('no token: 401; a resident, an officer, community police or an admin: 403; nothing stored', async () => {
      assertError(await issue(undefined), 401, 'UNAUTHENTICATED');
      assertError(await issue(await p.residentToken('13800000001')), 403, 'FORBIDDEN');
      for (const user of ['officer-110105', 'police-110105', 'admin']) {
        assertError(await issue(await p.staffToken(user)), 403, 'FORBIDDEN');
      }
      assert.deepEqual(await stored(), []);
    });

    test('bad input: 400 for the shape, 422 for an invalid ID number; nothing stored', async () => {
      const clerk = await p.staffToken('clerk-110105');
      for (const body of [
        { idNumber, evidence: 'passport' },
        { idNumber },
        { evidence: 'id_card' },
        { idNumber, evidence: 'id_card', name: '吴芳' },
        { idNumber: '', evidence: 'id_card' },
      ]) {
        assertError(await issue(clerk, body), 400, 'VALIDATION_FAILED');
      }
      const wrongDigit = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
      assertError(
        await issue(clerk, { idNumber: wrongDigit, evidence: 'id_card' }),
        422,
        'ID_NUMBER_INVALID',
      );
      assert.deepEqual(await stored(), []);
    });

    test('a clerk of any station issues it, on any of the three kinds of evidence; audited', async () => {
      for (const [clerk, evidence] of [
        ['clerk-110101', 'id_card'],
        ['clerk-110105', 'household_register'],
        ['clerk-110108', 'origin_certificate'],
      ] as const) {
        const res = await issue(await p.staffToken(clerk), { idNumber, evidence });
        assert.equal(res.statusCode, 201, res.body);
        assert.match(res.json().code, /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10}$/);
      }
      const rows = await stored();
      assert.equal(rows.length, 3);
      assert.equal(rows.filter((r) => r.usedAt === null).length, 1, 'a new code replaces the earlier ones');
      const audited = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'identity.binding_code_issued'));
      assert.equal(audited.length, 3);
    });
  });
}
