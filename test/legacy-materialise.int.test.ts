// An imported legacy card enters the register when it is first needed (issue 8): on binding, at
// staff search, for a confirmation form, at a window. It is made once however many ask at once,
// and a card past its printed expiry is made expired.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { legacyCsv, legacyRow, type LegacyRow } from './support/legacy-csv.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { listStreets } from '../src/domain/address/beijing-divisions.ts';
import { cards, legacyCards, residents } from '../src/db/schema/index.ts';
import { importLegacyCards } from '../src/services/legacy/import-legacy-cards.ts';
import { residentWithIdNumber } from '../src/db/repositories/residents.ts';

// Monday 2026-06-01, 10:00 in Beijing.
const NOW = '2026-06-01T10:00:00+08:00';
const street = listStreets('110101')[0]!.name;

/** A registration card of a holder of 东城区 (the demo's 110101 staff serve it), valid until `until`. */
function cardOf(i: number, idNumber: string, name: string, until: string): LegacyRow {
  return legacyRow(i, {
    kind: 'registration_card',
    name,
    id_number: idNumber,
    birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    district_code: '110101',
    street,
    issued_on: '2020-08-03',
    valid_until: until,
    last_endorsed_on: '',
  });
}

for (const target of dbTargets()) {
  describe(`legacy cards made when needed, on ${target.name}`, () => {
    let p: TestPlatform;
    const load = async (rows: LegacyRow[]) => {
      const r = await importLegacyCards(
        p.ctx,
        { principal: undefined, channel: 'cli' },
        { source: Readable.from([Buffer.from(legacyCsv(rows))]), fileName: 'export.csv' },
      );
      assert.equal(r.outcome, 'imported', JSON.stringify(r.problems));
    };
    const cardsNumbered = (n: string) => p.database.db.select().from(cards).where(eq(cards.number, n));

    before(async () => {
      p = await startPlatform(target, NOW);
    });
    after(() => p.close());

    test('staff find a legacy card by its holder ID number, and a confirmation form certifies it', async () => {
      const idNumber = makeTestIdNumber('130102', '1979-03-08', 41);
      const row = cardOf(9001, idNumber, '钱建国', '2026-12-31');
      await load([row]);
      assert.equal((await cardsNumbered(row.card_number)).length, 0, 'nothing is made at import');

      const officer = await p.staffToken('officer-110101');
      const found = await p.call('GET', `/api/v1/staff/cards?q=${idNumber}`, { token: officer });
      assert.equal(found.statusCode, 200, found.body);
      const items = found.json<{ items: { number: string; source: string; status: string }[] }>().items;
      assert.deepEqual(
        items.map((c) => `${c.number} ${c.source} ${c.status}`),
        [`${row.card_number} legacy valid`],
      );

      const form = await p.call('POST', '/api/v1/staff/confirmation-forms', {
        token: await p.staffToken('clerk-110101'),
        body: { idNumber, evidence: 'id_card' },
      });
      assert.equal(form.statusCode, 201, form.body);
      assert.equal(form.headers['content-type'], 'application/pdf');
      assert.equal((await cardsNumbered(row.card_number)).length, 1, 'made once, then found');
    });

    test('a card number search makes the card too; one past its printed expiry is made expired', async () => {
      const idNumber = makeTestIdNumber('210102', '1988-11-30', 53);
      const lapsed = cardOf(9002, idNumber, '孙丽', '2026-05-31');
      await load([lapsed]);
      const officer = await p.staffToken('officer-110101');
      const found = await p.call('GET', `/api/v1/staff/cards?q=${lapsed.card_number}`, { token: officer });
      assert.equal(found.statusCode, 200, found.body);
      const items = found.json<{ items: { number: string; status: string; validUntil: string }[] }>().items;
      assert.deepEqual(
        items.map((c) => `${c.number} ${c.status} ${c.validUntil}`),
        [`${lapsed.card_number} expired 2026-05-31`],
      );
    });

    test('a window sees the legacy card of the person before it', async () => {
      const idNumber = makeTestIdNumber('320106', '1992-02-14', 66);
      const row = cardOf(9003, idNumber, '周晓', '2026-11-30');
      await load([row]);
      const clerk = await p.staffToken('clerk-110101');
      const intake = (name: string) =>
        p.call('POST', '/api/v1/staff/applications', {
          token: clerk,
          body: {
            type: 'registration_card',
            address: { districtCode: '110101', street: '110101001', detail: '东华门大街 1 号' },
            applicant: { name, idNumber },
            materialsChecked: ['photo', 'proof_of_address'],
          },
        });
      // The name on the ID card must be the one the old card was issued to.
      assertError(await intake('周大晓'), 422, 'IDENTITY_REJECTED');
      // The person holds a registration card in force: the legacy one, which the window found.
      assertError(await intake('周晓'), 409, 'CONFLICT');
      // A refused intake writes nothing, the card it made to decide included: made again when needed.
      assert.equal((await cardsNumbered(row.card_number)).length, 0);
      const [stored] = await p.database.db
        .select()
        .from(legacyCards)
        .where(eq(legacyCards.cardNumber, row.card_number));
      assert.equal(stored?.cardId, null);
    });

    test('many asking at once make one card with one status-list entry', async (t) => {
      // PGlite is one connection: there every request runs alone.
      if (target.name !== 'postgres') return t.diagnostic('PostgreSQL only');
      const idNumber = makeTestIdNumber('370102', '1975-09-09', 17);
      const rows = [
        cardOf(9004, idNumber, '吴海', '2026-12-31'),
        cardOf(9005, idNumber, '吴海', '2027-01-31'),
      ];
      await load(rows);
      const officer = await p.staffToken('officer-110101');
      const clerk = await p.staffToken('clerk-110101');
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 3 === 0
            ? p.call('POST', '/api/v1/staff/confirmation-forms', {
                token: clerk,
                body: { idNumber, evidence: 'id_card' },
              })
            : p.call('GET', `/api/v1/staff/cards?q=${i % 3 === 1 ? idNumber : rows[1]!.card_number}`, {
                token: officer,
              }),
        ),
      );
      for (const a of answers) assert.ok(a.statusCode === 200 || a.statusCode === 201, a.body);
      for (const r of rows) {
        const made = await cardsNumbered(r.card_number);
        assert.equal(made.length, 1, `${r.card_number} made once`);
        const [stored] = await p.database.db
          .select()
          .from(legacyCards)
          .where(eq(legacyCards.cardNumber, r.card_number));
        assert.equal(stored?.cardId, made[0]!.id);
      }
      const holders = await p.database.db
        .select()
        .from(residents)
        .where(residentWithIdNumber(p.ctx.personal, idNumber));
      assert.equal(holders.length, 1);
    });
  });
}
