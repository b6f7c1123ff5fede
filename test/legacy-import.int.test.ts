// Legacy cards (R10): the old system's export goes into the register all or nothing, a second run
// changes nothing, and an imported card reaches its holder's wallet once they bind their identity,
// shows and verifies like an electronic card, and lapses at its printed expiry by itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { LEGACY_HEADER, legacyCsv, legacyCsvLine, legacyRow, type LegacyRow } from './support/legacy-csv.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { auditLog, cards, legacyCards, residents, statusLists } from '../src/db/schema/index.ts';
import { demoDistricts } from '../src/services/demo/demo-data.ts';
import { importLegacyCards, type LegacyImportReport } from '../src/services/legacy/import-legacy-cards.ts';
import { AppError } from '../src/domain/errors.ts';
import { findResidentByPhone } from '../src/db/repositories/residents.ts';

// Monday 2026-06-01, 10:00 in Beijing.
const NOW = '2026-06-01T10:00:00+08:00';
const cli = { principal: undefined, channel: 'cli' as const };
const row = (i: number, o: Partial<LegacyRow> = {}) => legacyRow(i, o, demoDistricts);
/** Rows a test can rely on: valid today (permits endorsed this spring, cards printed to 2027). */
const current = (i: number, o: Partial<LegacyRow> = {}) =>
  row(i, {
    ...(row(i).kind === 'registration_card'
      ? { valid_until: '2027-01-31', last_endorsed_on: '' }
      : { last_endorsed_on: '' }),
    ...o,
  });

for (const target of dbTargets()) {
  describe(`legacy import on ${target.name}`, () => {
    let p: TestPlatform;
    const run = (csv: string | Buffer, opts: { dryRun?: boolean; base?: number } = {}) =>
      importLegacyCards(p.ctx, cli, {
        source: Readable.from([typeof csv === 'string' ? Buffer.from(csv) : csv]),
        fileName: 'export.csv',
        ...(opts.dryRun ? { dryRun: true } : {}),
      });
    const tally = async () => {
      const n = async (t: typeof cards | typeof residents | typeof legacyCards) =>
        (await p.database.db.select({ n: count() }).from(t))[0]!.n;
      return { cards: await n(cards), residents: await n(residents), legacy: await n(legacyCards) };
    };
    const reasons = (r: LegacyImportReport) => r.problems.map((x) => `${x.line}:${x.field}:${x.reason}`);

    before(async () => {
      p = await startPlatform(target, NOW);
    });
    after(() => p.close());

    test('a bad row in the middle refuses the whole file; every bad row is named by line and reason', async () => {
      const before = await tally();
      const rows = Array.from({ length: 12 }, (_, i) => row(100 + i));
      const id = rows[5]!.id_number;
      rows[5] = { ...rows[5]!, id_number: id.slice(0, 17) + (id[17] === '1' ? '2' : '1') };
      rows[7] = { ...rows[7]!, district_code: '110199' };
      rows[8] = { ...rows[8]!, issued_on: '2015-12-31', street: '不存在街道' };
      const r = await run(legacyCsv(rows));
      assert.equal(r.outcome, 'refused');
      assert.equal(r.rows, 12);
      assert.deepEqual(reasons(r), [
        '7:id_number:id_number_check_digit',
        '9:district_code:district_unknown',
        '10:street:street_unknown',
        '10:issued_on:issued_before_legacy_start',
      ]);
      assert.equal(r.imported, 0);
      assert.deepEqual(await tally(), before, 'nothing of the good rows was written');
      const [refusal] = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'legacy.refused'));
      assert.ok(refusal, 'the refusal is audited');
    });

    test('a dry run reports what an import would do and writes nothing', async () => {
      const before = await tally();
      const r = await run(legacyCsv(Array.from({ length: 20 }, (_, i) => row(200 + i))), { dryRun: true });
      assert.equal(r.outcome, 'checked');
      assert.equal(r.imported, 20);
      assert.deepEqual(await tally(), before);
      const checks = await p.database.db.select().from(auditLog).where(eq(auditLog.action, 'legacy.checked'));
      assert.equal(checks.length, 1, 'the check is audited');
      assert.equal(checks[0]!.subjectId, r.sha256);
    });

    test('an import is idempotent: the same file twice gives the same register, the second run 0 new', async () => {
      const csv = legacyCsv(Array.from({ length: 30 }, (_, i) => row(300 + i)));
      const before = await tally();
      const first = await run(csv);
      assert.equal(first.outcome, 'imported', JSON.stringify(first.problems));
      assert.equal(first.imported, 30);
      const afterFirst = await tally();
      // An import writes its rows and nothing else: holders and cards are made when first needed.
      assert.equal(afterFirst.legacy, before.legacy + 30);
      assert.equal(afterFirst.cards, before.cards);
      assert.equal(afterFirst.residents, before.residents);
      const second = await run(csv);
      assert.equal(second.outcome, 'imported');
      assert.equal(second.imported, 0);
      assert.equal(second.alreadyPresent, 30);
      assert.deepEqual(await tally(), afterFirst);

      // Every card got its own status-list entry, and the list counts them.
      const entries = await p.database.db
        .select({ list: cards.statusList, index: cards.statusIndex })
        .from(cards);
      assert.ok(entries.every((e) => e.list !== null && e.index !== null));
      assert.equal(new Set(entries.map((e) => `${e.list}:${e.index}`)).size, entries.length);
      const lists = await p.database.db.select().from(statusLists);
      assert.equal(
        lists.reduce((a, l) => a + l.allocatedCount, 0),
        entries.length,
      );

      // The same card number with other details is a conflict, not an update.
      const changed = await run(legacyCsv([row(300, { address_detail: '另一个地址 9 号' })]));
      assert.equal(changed.outcome, 'refused');
      assert.deepEqual(reasons(changed), ['2:card_number:imported_with_other_details']);
    });

    test('bad encodings and columns are refused with the line they are on', async () => {
      const gbk = Buffer.concat([
        Buffer.from(LEGACY_HEADER + '\n' + legacyCsvLine(row(400)) + legacyCsvLine(row(401))),
        Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x0a]), // 张三 in GBK
      ]);
      const r1 = await run(gbk);
      assert.equal(r1.outcome, 'refused');
      assert.deepEqual(reasons(r1), ['4::not_utf8']);

      const noIdColumn = LEGACY_HEADER.replace(',id_number', '') + '\n';
      assert.deepEqual(reasons(await run(noIdColumn)), ['1:id_number:missing_column']);
      assert.deepEqual(reasons(await run('')), ['1::missing_column']);

      const short = LEGACY_HEADER + '\n' + legacyCsvLine(row(402)) + 'LP1,residence_permit,王五\n';
      assert.deepEqual(reasons(await run(short)), ['3::wrong_field_count']);

      const unclosed =
        LEGACY_HEADER + '\n' + legacyCsvLine(row(403)) + legacyCsvLine(row(404)).replace(',', ',"');
      const r2 = await run(unclosed);
      assert.equal(r2.outcome, 'refused');
      assert.equal(r2.problems[0]?.reason, 'malformed_csv');

      // Windows line ends are fine.
      const crlf = await run(legacyCsv([row(406), row(407)]).replaceAll('\n', '\r\n'), { dryRun: true });
      assert.equal(crlf.outcome, 'checked', JSON.stringify(crlf.problems));
      assert.equal(crlf.imported, 2);

      // Columns in another order, extra columns and a byte-order mark are fine.
      const a = row(405);
      const columns = ['extra', ...Object.keys(a).reverse()];
      const csv =
        '\uFEFF' +
        columns.join(',') +
        '\n' +
        columns.map((c) => (c === 'extra' ? 'x' : a[c as keyof LegacyRow])).join(',') +
        '\n';
      const ok = await run(csv);
      assert.equal(ok.outcome, 'imported', JSON.stringify(ok.problems));
      assert.equal(ok.imported, 1);
    });

    test('rows that contradict each other or the register are refused', async () => {
      const dup = [row(500), row(501, { card_number: row(500).card_number })];
      assert.deepEqual(reasons(await run(legacyCsv(dup))), ['3:card_number:duplicate_card_number']);
      const twoNames = [
        row(502),
        row(503, {
          id_number: row(502).id_number,
          birth_date: row(502).birth_date,
          sex: row(502).sex,
          name: '钱多多',
        }),
      ];
      assert.deepEqual(reasons(await run(legacyCsv(twoNames))).sort(), [
        '2:name:id_number_other_name',
        '3:name:id_number_other_name',
      ]);
      // The demo's 王小明 holds an electronic permit: the number on it is taken, his ID under his name.
      const wang = await findResidentByPhone(p.database.db, p.ctx.personal, '13800000001');
      const [his] = await p.database.db.select().from(cards).where(eq(cards.holderId, wang!.id));
      const asWang = {
        id_number: wang!.idNumber!,
        birth_date: wang!.birthDate!,
        sex: wang!.sex === 'male' ? '男' : '女',
      };
      assert.deepEqual(reasons(await run(legacyCsv([row(504, { ...asWang, name: '王大明' })]))), [
        '2:name:holder_other_name',
      ]);
      assert.deepEqual(reasons(await run(legacyCsv([row(505, { card_number: his!.number })]))), [
        '2:card_number:card_number_taken',
      ]);
    });

    test('a holder with an electronic card of the kind keeps it; the legacy one is kept as superseded', async () => {
      const wang = await findResidentByPhone(p.database.db, p.ctx.personal, '13800000001');
      const token = await p.residentToken('13800000001');
      const walletBefore = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
      const legacy = current(601, {
        kind: 'residence_permit',
        name: wang!.name!,
        id_number: wang!.idNumber!,
        birth_date: wang!.birthDate!,
        sex: wang!.sex === 'male' ? '男' : '女',
        valid_until: '',
      });
      const r = await run(legacyCsv([legacy]));
      assert.equal(r.outcome, 'imported', JSON.stringify(r.problems));
      assert.equal(r.supersededByElectronic, 1);
      // Opening the wallet brings the card imported after his binding into the register.
      const walletAfter = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
      assert.deepEqual(walletAfter, walletBefore, 'the wallet still shows the electronic permit alone');
      const [stored] = await p.database.db.select().from(cards).where(eq(cards.number, legacy.card_number));
      assert.equal(stored!.storedStatus, 'superseded');
      assert.equal(stored!.holderId, wang!.id);
    });

    test('a legacy card reaches the wallet once the identity is bound, verifies, and lapses at its expiry', async () => {
      const idNumber = makeTestIdNumber('130102', '1985-04-12', 37);
      const card = current(700, {
        kind: 'registration_card',
        name: '郑春花',
        id_number: idNumber,
        birth_date: '1985-04-12',
        sex: '男',
        issued_on: '2020-08-03',
        valid_until: '2026-09-30',
      });
      const permit = current(701, {
        kind: 'residence_permit',
        name: '郑春花',
        id_number: idNumber,
        birth_date: '1985-04-12',
        sex: '男',
        issued_on: '2019-05-20',
        valid_until: '',
        last_endorsed_on: '2026-05-10',
      });
      const r = await run(legacyCsv([card, permit]));
      assert.equal(r.outcome, 'imported', JSON.stringify(r.problems));

      // The holder signs up with a phone; the identity is held without one, so it binds only with a
      // clerk's binding code (seen the ID card at a window).
      let token = await p.residentToken('13900001234');
      const refused = await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: '郑春花', idNumber },
      });
      assertError(refused, 403, 'IDENTITY_PROOF_REQUIRED');
      const issued = await p.call('POST', '/api/v1/staff/identity-binding-codes', {
        token: await p.staffToken('clerk-110101'),
        body: { idNumber, evidence: 'id_card' },
      });
      assert.equal(issued.statusCode, 201, issued.body);
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: '郑春花', idNumber, bindingCode: issued.json().code },
      });
      assert.equal(bound.statusCode, 200, bound.body);

      const wallet = (await p.call('GET', '/api/v1/me/cards', { token })).json<
        { id: string; number: string; source: string; status: string; validUntil: string; kind: string }[]
      >();
      const shown = wallet.map((c) => `${c.number} ${c.kind} ${c.source} ${c.status} ${c.validUntil}`).sort();
      // The permit was endorsed on time for 2026-05-20: the next endorsement is due 2027-05-20 and
      // may be done until 2027-06-20.
      assert.deepEqual(shown, [
        `${card.card_number} registration_card legacy valid 2026-09-30`,
        `${permit.card_number} residence_permit legacy valid 2027-06-20`,
      ]);

      const cardId = wallet.find((c) => c.number === card.card_number)!.id;
      const code = (await p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token, body: {} })).json()
        .code;
      const verified = await p.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code } });
      assert.equal(verified.json().result, 'valid');
      assert.equal(verified.json().card.validUntil, '2026-09-30');
      assert.equal(verified.json().card.maskedName, '郑**');
      // The police see the full record: the authority printed on the plastic card.
      const admin = await p.staffToken('admin');
      const org = await p.call('POST', '/api/v1/admin/verifier-orgs', {
        token: admin,
        body: { name: '东华门派出所核验', kind: 'police', fullRecord: true },
      });
      const key = await p.call('POST', `/api/v1/admin/verifier-orgs/${org.json().id}/keys`, { token: admin });
      const full = await p.app.inject({
        method: 'POST',
        url: '/api/v1/verify',
        payload: { code },
        headers: { 'x-verifier-key': key.json().key },
      });
      assert.equal(full.json().card.name, '郑春花');
      assert.equal(full.json().card.number, card.card_number);
      assert.equal(full.json().card.issuingAuthority, card.issuing_authority);

      // The day after its printed expiry the card has lapsed: out of the wallet, refused to show.
      p.clock.set(new Date('2026-10-01T09:00:00+08:00'));
      token = await p.residentToken('13900001234');
      const later = (await p.call('GET', '/api/v1/me/cards?all=true', { token })).json<
        { id: string; status: string }[]
      >();
      assert.equal(later.find((c) => c.id === cardId)?.status, 'expired');
      const now = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
      assert.ok(!now.some((c) => c.id === cardId));
      const again = await p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token, body: {} });
      assert.equal(again.statusCode, 409, again.body);
      p.clock.set(new Date(NOW));
    });

    test('electronic issuance does not wait for an import in progress', async (t) => {
      // PGlite is one connection: there an import runs alone, as everything else does.
      if (target.name !== 'postgres') return t.diagnostic('PostgreSQL only');
      const source = new PassThrough();
      source.write(LEGACY_HEADER + '\n');
      for (let i = 0; i < 200; i++) source.write(legacyCsvLine(row(800 + i)));
      const importing = importLegacyCards(p.ctx, cli, { source, fileName: 'slow.csv' });
      // While the import's transaction is open, a window application is approved and its card issued.
      const clerk = await p.staffToken('clerk-110105');
      const taken = await p.call('POST', '/api/v1/staff/applications', {
        token: clerk,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          applicant: { name: '冯雪', idNumber: makeTestIdNumber('320102', '1990-07-01', 62) },
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(taken.statusCode, 201, taken.body);
      const approved = await p.call('POST', `/api/v1/staff/applications/${taken.json().id}/decision`, {
        token: await p.staffToken('officer-110105'),
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      source.end();
      const r = await importing;
      assert.equal(r.outcome, 'imported', JSON.stringify(r.problems));
      assert.equal(r.imported, 200);
      const entries = await p.database.db
        .select({ list: cards.statusList, index: cards.statusIndex })
        .from(cards);
      assert.equal(new Set(entries.map((e) => `${e.list}:${e.index}`)).size, entries.length);
    });

    test('only an administrator or the command line imports', async () => {
      const clerk = {
        kind: 'staff' as const,
        staffId: 'x',
        role: 'clerk' as const,
        stationId: null,
        districtCode: null,
      };
      await assert.rejects(
        importLegacyCards(
          p.ctx,
          { principal: clerk, channel: 'api' },
          {
            source: Readable.from([Buffer.from(LEGACY_HEADER + '\n')]),
            fileName: 'x.csv',
          },
        ),
        (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
      );
      await assert.rejects(
        importLegacyCards(
          p.ctx,
          { principal: undefined, channel: 'api' },
          {
            source: Readable.from([Buffer.from(LEGACY_HEADER + '\n')]),
            fileName: 'x.csv',
          },
        ),
        (e: unknown) => e instanceof AppError && e.code === 'UNAUTHENTICATED',
      );
    });
  });
}
