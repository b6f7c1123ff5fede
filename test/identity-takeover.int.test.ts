// Knowing someone's name and ID number is not enough to become them (issue 9, finding 1). A person
// registered at a window has no phone; a stranger's phone account that binds that ID number must
// be refused, audited, and must never reach the person's cards or wards. The person binds with a
// single-use code a clerk issues on seeing their ID, or with the carrier's three-factor check.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { auditLog, guardianships, identityBindingCodes } from '../src/db/schema/index.ts';
import type { RealNameVerifier } from '../src/ports/real-name-verifier.ts';
import { findResidentByIdNumber } from '../src/db/repositories/residents.ts';
import { bindingCodeHash } from '../src/services/identity/binding-codes.ts';
import { sha256Hex } from '../src/services/auth/tokens.ts';

// Monday 2025-09-15, 10:00 in Beijing: an ordinary working day.
const MONDAY = '2025-09-15T10:00:00+08:00';
const haidian = { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' };
const chaoyang = { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' };
const victim = { name: '吴芳', idNumber: makeTestIdNumber('320102', '1988-02-14', 61) };
const agent = { name: '周杰', idNumber: makeTestIdNumber('440103', '2000-03-30', 8) }; // demo 13800000008
const ward = { name: '周小雨', idNumber: makeTestIdNumber('440103', '2016-08-08', 22) };

for (const target of dbTargets()) {
  describe(`identity takeover on ${target.name}`, () => {
    let p: TestPlatform;
    let victimCardId: string;
    let wardCardId: string;

    /** A window application for a person with no phone, approved: the platform now holds them and a card. */
    const registerAtWindow = async (district: string, body: object): Promise<string> => {
      const clerk = await p.staffToken(`clerk-${district}`);
      const taken = await p.call('POST', '/api/v1/staff/applications', { token: clerk, body });
      assert.equal(taken.statusCode, 201, taken.body);
      const officer = await p.staffToken(`officer-${district}`);
      const approved = await p.call('POST', `/api/v1/staff/applications/${taken.json().id}/decision`, {
        token: officer,
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      return approved.json().issuedCardId as string;
    };
    const bind = (token: string, body: object) => p.call('PUT', '/api/v1/me/identity', { token, body });
    const stored = async (idNumber: string) =>
      await findResidentByIdNumber(p.database.db, p.ctx.personal, idNumber);
    const refusals = async (subjectId: string) =>
      p.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'identity.bind_refused'), eq(auditLog.subjectId, subjectId)));
    const issueCode = async (idNumber: string, clerk = 'clerk-110101') => {
      const res = await p.call('POST', '/api/v1/staff/identity-binding-codes', {
        token: await p.staffToken(clerk),
        body: { idNumber, evidence: 'id_card' },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ code: string; expiresAt: string }>();
    };
    /** An attacker cannot see or show any card of the person. */
    const assertNoAccess = async (token: string) => {
      const listed = await p.call('GET', '/api/v1/me/cards?all=true', { token });
      assert.equal(listed.statusCode, 200);
      assert.deepEqual(listed.json(), []);
      for (const id of [victimCardId, wardCardId]) {
        const shown = await p.call('POST', `/api/v1/cards/${id}/display-codes`, { token, body: {} });
        assertError(shown, 404, 'NOT_FOUND');
      }
      assert.equal((await p.call('GET', '/api/v1/me', { token })).json().identityBound, false);
    };

    before(async () => {
      p = await startPlatform(target, MONDAY);
      victimCardId = await registerAtWindow('110105', {
        type: 'registration_card',
        address: chaoyang,
        applicant: victim,
        materialsChecked: ['photo', 'proof_of_address'],
      });
      wardCardId = await registerAtWindow('110108', {
        type: 'registration_card',
        address: haidian,
        applicant: ward,
        materialsChecked: ['photo', 'proof_of_address'],
        proxy: {
          agent,
          relation: 'sibling',
          reason: 'minor',
          documentsChecked: ['agent_id', 'proof_of_relationship'],
        },
      });
    });
    after(() => p.close());

    test('another name for a held ID number: 422 IDENTITY_NAME_MISMATCH, audited, the record untouched', async () => {
      const attacker = await p.residentToken('13912349001');
      const res = await bind(attacker, { name: '黑客', idNumber: victim.idNumber });
      assertError(res, 422, 'IDENTITY_NAME_MISMATCH');
      const record = await stored(victim.idNumber);
      assert.equal(record?.name, victim.name, 'the stored name is not overwritten');
      assert.equal(record?.phone, null);
      const audited = await refusals(record?.id ?? '');
      assert.equal(audited.length, 1, 'the refused attempt is audited although nothing was bound');
      assert.equal(audited[0]?.details.reason, 'name_mismatch');
      assert.ok(!JSON.stringify(audited[0]).includes('黑客'), 'the typed name is not kept');
      await assertNoAccess(attacker);
    });

    test('the right name but no proof of possession: 403 IDENTITY_PROOF_REQUIRED, audited, no card', async () => {
      const attacker = await p.residentToken('13912349002');
      assertError(await bind(attacker, victim), 403, 'IDENTITY_PROOF_REQUIRED');
      const record = await stored(victim.idNumber);
      assert.equal(record?.phone, null, 'the phone did not take the record over');
      const reasons = (await refusals(record?.id ?? '')).map((r) => r.details.reason);
      assert.ok(reasons.includes('proof_required'), JSON.stringify(reasons));
      await assertNoAccess(attacker);
    });

    test("a ward's identity: refused without proof; the guardianship stays with the agent", async () => {
      const before = await p.database.db.select().from(guardianships);
      const attacker = await p.residentToken('13912349003');
      assertError(await bind(attacker, ward), 403, 'IDENTITY_PROOF_REQUIRED');
      assertError(await bind(attacker, agent), 409, 'IDENTITY_ALREADY_BOUND'); // the agent has a phone
      await assertNoAccess(attacker);
      assert.deepEqual(await p.database.db.select().from(guardianships), before);
      const agentToken = await p.residentToken('13800000008');
      const cards = (await p.call('GET', '/api/v1/me/cards', { token: agentToken })).json<{ id: string }[]>();
      assert.ok(
        cards.some((c) => c.id === wardCardId),
        "the agent still sees the ward's card",
      );
    });

    test('a wrong, a foreign or an expired binding code: 403 BINDING_CODE_INVALID, audited', async () => {
      const attacker = await p.residentToken('13912349004');
      assertError(await bind(attacker, { ...victim, bindingCode: 'ABCD2345' }), 403, 'BINDING_CODE_INVALID');
      // A code issued for another person does not open this one.
      const other = { name: '郑文', idNumber: makeTestIdNumber('340104', '1993-08-19', 47) };
      const foreign = await issueCode(other.idNumber);
      assertError(
        await bind(attacker, { ...victim, bindingCode: foreign.code }),
        403,
        'BINDING_CODE_INVALID',
      );
      const record = await stored(victim.idNumber);
      const reasons = (await refusals(record?.id ?? '')).map((r) => r.details.reason);
      assert.ok(reasons.includes('binding_code_invalid'), JSON.stringify(reasons));
      await assertNoAccess(attacker);
      // A real code, too late: it expires after 72 hours.
      const late = await issueCode(victim.idNumber);
      assert.equal(new Date(late.expiresAt).getTime() - p.clock.now().getTime(), 72 * 3600_000);
      p.clock.advance(72 * 3600_000 + 1000);
      const owner = await p.residentToken('13912349005');
      assertError(await bind(owner, { ...victim, bindingCode: late.code }), 403, 'BINDING_CODE_INVALID');
      await assertNoAccess(owner);
    });

    test('five wrong codes burn the live one: then even the right code is refused', async () => {
      const { code } = await issueCode(victim.idNumber);
      const guesser = await p.residentToken('13912349006');
      for (let i = 0; i < 5; i++) {
        const res = await bind(guesser, { ...victim, bindingCode: `WXYZ${2345 + i}` });
        assertError(res, 403, 'BINDING_CODE_INVALID');
      }
      assertError(await bind(guesser, { ...victim, bindingCode: code }), 403, 'BINDING_CODE_INVALID');
      assert.equal((await stored(victim.idNumber))?.phone, null);
    });

    test('the person binds with a code a clerk issued; it works once, and the card comes with it', async () => {
      const { code } = await issueCode(victim.idNumber);
      assert.match(code, /^[A-Z2-9]{8,10}$/);
      const codes = await p.database.db.select().from(identityBindingCodes);
      assert.ok(!JSON.stringify(codes).includes(code), 'the code is stored only as a hash');
      const issued = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'identity.binding_code_issued'));
      assert.ok(issued.length > 0);
      assert.ok(!JSON.stringify(issued).includes(victim.idNumber), 'the audit names no ID number');

      const owner = await p.residentToken('13912349007');
      // Typed in lower case with a space, as people copy from paper.
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
      const bound = await bind(owner, { ...victim, bindingCode: typed });
      assert.equal(bound.statusCode, 200, bound.body);
      const cards = (await p.call('GET', '/api/v1/me/cards', { token: owner })).json<{ id: string }[]>();
      assert.deepEqual(
        cards.map((c) => c.id),
        [victimCardId],
      );
      const record = await stored(victim.idNumber);
      assert.equal(record?.phone, '13912349007');
      assert.equal(record?.name, victim.name);
      const used = await p.database.db.select().from(auditLog).where(eq(auditLog.action, 'identity.bound'));
      assert.ok(used.some((r) => r.details.proof === 'binding_code'));

      const second = await p.residentToken('13912349008');
      assertError(await bind(second, { ...victim, bindingCode: code }), 409, 'IDENTITY_ALREADY_BOUND');
    });

    test('codes are stored keyed; one an older release stored unkeyed still binds while live', async () => {
      const person = { name: '冯静', idNumber: makeTestIdNumber('320102', '1991-05-20', 73) };
      await registerAtWindow('110105', {
        type: 'registration_card',
        address: chaoyang,
        applicant: person,
        materialsChecked: ['photo', 'proof_of_address'],
      });
      const { code } = await issueCode(person.idNumber);
      const idNumberIndex = p.ctx.personal.indexHex('id_number', person.idNumber);
      const row = async () =>
        (
          await p.database.db
            .select()
            .from(identityBindingCodes)
            .where(eq(identityBindingCodes.idNumberIndex, idNumberIndex))
            .orderBy(desc(identityBindingCodes.issuedAt))
        )[0]!;
      const unkeyed = (c: string) => sha256Hex(`${person.idNumber}:${c}`);
      assert.notEqual((await row()).codeHash, unkeyed(code), 'no plain SHA-256 to try codes against');
      assert.equal((await row()).codeHash, bindingCodeHash(p.ctx.personal, person.idNumber, code));

      // As the release before stored it; past its 72 hours it is refused like any other.
      const storeUnkeyed = async (c: string) =>
        p.database.db
          .update(identityBindingCodes)
          .set({ codeHash: unkeyed(c) })
          .where(eq(identityBindingCodes.id, (await row()).id));
      await storeUnkeyed(code);
      p.clock.advance(72 * 3600_000 + 1000);
      const owner = await p.residentToken('13912349009');
      assertError(await bind(owner, { ...person, bindingCode: code }), 403, 'BINDING_CODE_INVALID');
      const live = await issueCode(person.idNumber);
      await storeUnkeyed(live.code);
      const bound = await bind(owner, { ...person, bindingCode: live.code.toLowerCase() });
      assert.equal(bound.statusCode, 200, bound.body);
      assert.equal((await stored(person.idNumber))?.phone, '13912349009');
    });

    test('a code for an identity already bound to a phone is refused to the clerk: 409', async () => {
      const res = await p.call('POST', '/api/v1/staff/identity-binding-codes', {
        token: await p.staffToken('clerk-110105'),
        body: { idNumber: agent.idNumber, evidence: 'household_register' },
      });
      assertError(res, 409, 'IDENTITY_ALREADY_BOUND');
    });
  });

  describe(`identity binding with the carrier's three-factor check on ${target.name}`, () => {
    let p: TestPlatform;
    const person = { name: '钱程', idNumber: makeTestIdNumber('320102', '1985-07-07', 13) };
    // A stand-in for the real-name authority whose carrier data registers one phone to the person.
    const carrier: RealNameVerifier = {
      name: 'carrier-stand-in',
      matches: () => Promise.resolve(true),
      phoneRegisteredTo: ({ phone, idNumber, name }) =>
        Promise.resolve(phone === '13912349101' && idNumber === person.idNumber && name === person.name),
    };
    before(async () => {
      p = await startPlatform(target, MONDAY, { realName: carrier });
      const clerk = await p.staffToken('clerk-110105');
      const taken = await p.call('POST', '/api/v1/staff/applications', {
        token: clerk,
        body: {
          type: 'registration_card',
          address: chaoyang,
          applicant: person,
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(taken.statusCode, 201, taken.body);
    });
    after(() => p.close());

    test("a phone the carrier does not register to the person is refused; the person's own phone binds", async () => {
      const stranger = await p.residentToken('13912349102');
      const refused = await p.call('PUT', '/api/v1/me/identity', { token: stranger, body: person });
      assertError(refused, 403, 'IDENTITY_PROOF_REQUIRED');
      const own = await p.residentToken('13912349101');
      const bound = await p.call('PUT', '/api/v1/me/identity', { token: own, body: person });
      assert.equal(bound.statusCode, 200, bound.body);
      const applications = (await p.call('GET', '/api/v1/applications', { token: own })).json<unknown[]>();
      assert.equal(applications.length, 1, 'the window application is now in the wallet');
    });
  });
}
