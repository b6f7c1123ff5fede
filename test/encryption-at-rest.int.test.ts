// Personal data at rest (issue 9): a dump of the database, as a thief of a backup would have it,
// holds no resident's ID number, phone, name or address in clear, nor an uploaded file. The demo
// data plus residents made through the API (an online sign-in, binding and application with files,
// refused with a reason, so notified and texted; window intakes, a binding code, a confirmation
// form; a visit whose note, review and revocation name a resident and her ID number, as staff's
// free text may) are in the database, and a legacy import (one of its holders looked up, so made a
// resident); every value the platform holds is read back through the repositories (opened with
// the keys), then searched for in the dump: `pg_dump` of the PostgreSQL database, or on PGlite every
// row of every table as text (bytea as hex, jsonb as its text).
// The two legacy rows' own values are searched for too (one holder was never looked up, so is
// only in `legacy_cards` and its sealed blocks).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { applications, cards, residents, visits } from '../src/db/schema/index.ts';
import { openResident } from '../src/db/repositories/residents.ts';
import { openAddress } from '../src/db/repositories/addresses.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { dbTargets, type DbTarget } from './support/test-db.ts';
import { proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { applyAsNewcomer } from './support/apply-as-newcomer.ts';
import { legacyCsv, legacyRow } from './support/legacy-csv.ts';
import { importLegacyCards } from '../src/services/legacy/import-legacy-cards.ts';
import { Readable } from 'node:stream';

const run = promisify(execFile);

/** A PNG's signature, then text a dump would show (as the hex of bytea). */
const PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('A PHOTO OF HAN MEIMEI, TAKEN AT THE WINDOW. '.repeat(40)),
]);
/** The demo's card address, and the addresses these tests give. */
const KNOWN_ADDRESSES = [
  '示范路 1 号院 2 号楼 301',
  '呼家楼北街 6 号院 1 号楼 502',
  '建国路 88 号 3 号楼 1201',
];

/** 韩梅梅, who applies online; staff's free text below names her and her ID number. */
const HAN_ID = makeTestIdNumber('110105', '1994-03-08', 61);
/** Staff's free text about a person (docs/security.md): each names 韩梅梅 and her ID number. */
const STAFF_NOTES = {
  rejection: `住所证明与申报地址不一致：韩梅梅（${HAN_ID}）并非该房屋承租人`,
  visitNote: `1201 室住户为韩梅梅（身份证 ${HAN_ID}），称不认识李娜`,
  revocation: `社区民警核查：李娜不在申报地址居住，现住户为韩梅梅（${HAN_ID}）`,
};

/** The legacy export's rows: their holders' names, ID numbers and addresses are searched for too. */
const LEGACY_ROWS = [legacyRow(1, {}, ['110105']), legacyRow(2, {}, ['110105'])];

async function dumpText(target: DbTarget['name'], p: TestPlatform): Promise<Map<string, string>> {
  // Each table with rows, named by the table it is a partition of (legacy_cards_shared: legacy_cards).
  const tables = await queryRows<{ name: string; root: string }>(
    p.database.db,
    sql`select c.relname as name, coalesce(parent.relname, c.relname) as root
          from pg_class c
          left join pg_inherits i on i.inhrelid = c.oid
          left join pg_class parent on parent.oid = i.inhparent
         where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 1`,
  );
  const rootOf = new Map(tables.map((t) => [t.name, t.root]));
  const byTable = new Map<string, string>();
  const add = (name: string, text: string) => {
    const root = rootOf.get(name) ?? name;
    byTable.set(root, (byTable.get(root) ?? '') + text);
  };
  if (target === 'postgres') {
    // What an operator's backup is: pg_dump of the database, split at each table's COPY block.
    const url = (p.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', url], { maxBuffer: 256 << 20 });
    for (const block of stdout.split(/\nCOPY public\./).slice(1)) {
      const name = /^"?([a-z0-9_]+)"?/.exec(block)?.[1] ?? '?';
      add(name, block.slice(0, block.indexOf('\n\\.\n')));
    }
  } else {
    for (const { name } of tables) {
      const rows = await queryRows<{ row: string }>(
        p.database.db,
        sql`select t::text as row from ${sql.identifier(name)} t`,
      );
      add(name, rows.map((r) => r.row).join('\n'));
    }
  }
  assert.ok(byTable.has('residents'), `the dump has the residents: ${[...byTable.keys()].join(', ')}`);
  return byTable;
}

for (const target of dbTargets()) {
  describe(`personal data at rest (${target.name})`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-06-10T09:00:00+08:00');
      // Someone signs in online, binds an identity the platform did not hold and applies with
      // files (their bytes searched for in the dump too).
      const { application } = await applyAsNewcomer(p, {
        phone: '13912345601',
        name: '韩梅梅',
        id: ['110105', '1994-03-08', 61], // HAN_ID
        detail: '建国路 88 号 3 号楼 1201',
        materials: [
          { kind: 'photo', contentType: 'image/png', content: PHOTO.toString('base64') },
          { kind: 'proof_of_address', contentType: 'image/png', content: PHOTO.toString('base64') },
        ],
      });
      // An officer refuses it with a reason that names her: the notification and its SMS hold her
      // phone, `applications.reason` the officer's words.
      const officer = await p.staffToken('officer-110105');
      const refused = await p.call('POST', `/api/v1/staff/applications/${application.id}/decision`, {
        token: officer,
        body: { decision: 'reject', reason: STAFF_NOTES.rejection },
      });
      assert.equal(refused.statusCode, 200, refused.body);
      assert.equal(refused.json().reason, STAFF_NOTES.rejection);
      // 李娜 moves; the community police find 韩梅梅 there and say so, and the officer revokes 李娜's
      // card with a reason that names her too (visits.note, visits.review_note, cards.revoked_reason).
      const liNa = await p.residentToken('13800000002');
      const [card] = (await p.call('GET', '/api/v1/me/cards', { token: liNa })).json<{ id: string }[]>();
      const change = await p.call('POST', '/api/v1/applications', {
        token: liNa,
        body: {
          type: 'change',
          cardId: card!.id,
          address: { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          materials: [proofOfAddress],
        },
      });
      assert.equal(change.statusCode, 201, change.body);
      const approved = await p.call('POST', `/api/v1/staff/applications/${change.json().id}/decision`, {
        token: officer,
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const tasks = await p.call('GET', '/api/v1/staff/visits', { token: officer });
      const visit = tasks
        .json<{ items: { id: string; card: { id: string } }[] }>()
        .items.find((v) => v.card.id === approved.json().issuedCardId);
      assert.ok(visit, tasks.body);
      const recorded = await p.call('POST', `/api/v1/staff/visits/${visit.id}/outcome`, {
        token: await p.staffToken('police-110105'),
        body: { outcome: 'mismatch', note: STAFF_NOTES.visitNote },
      });
      assert.equal(recorded.statusCode, 200, recorded.body);
      const reviewed = await p.call('POST', `/api/v1/staff/visits/${visit.id}/review`, {
        token: officer,
        body: { decision: 'revoke', reason: STAFF_NOTES.revocation },
      });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      // Read back opened, as the pages show them.
      const shown = reviewed.json<{ note: string; reviewNote: string }>();
      assert.deepEqual([shown.note, shown.reviewNote], [STAFF_NOTES.visitNote, STAFF_NOTES.revocation]);
      const mine = (await p.call('GET', '/api/v1/me/cards?all=true', { token: liNa })).json<
        { id: string; revokedReason: string | null }[]
      >();
      assert.ok(
        mine.some((c) => c.revokedReason === STAFF_NOTES.revocation),
        JSON.stringify(mine),
      );
      // Two people registered at a window; one is given a binding code to use later.
      const clerk = await p.staffToken('clerk-110105');
      for (const [name, idNumber] of [
        ['欧阳娜娜', makeTestIdNumber('110105', '1990-07-01', 12)],
        ['Ana María', makeTestIdNumber('110105', '1985-11-23', 7)],
      ] as const) {
        const res = await p.call('POST', '/api/v1/staff/applications', {
          token: clerk,
          body: {
            type: 'registration_card',
            address: { districtCode: '110105', street: '110105003', detail: '呼家楼北街 6 号院 1 号楼 502' },
            applicant: { name, idNumber },
            materialsChecked: ['photo', 'proof_of_address'],
          },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      const code = await p.call('POST', '/api/v1/staff/identity-binding-codes', {
        token: clerk,
        body: { idNumber: makeTestIdNumber('110105', '1990-07-01', 12), evidence: 'id_card' },
      });
      assert.equal(code.statusCode, 201, code.body);
      // Two legacy cards imported; staff look one holder up, which makes them a resident.
      const rows = LEGACY_ROWS;
      const imported = await importLegacyCards(
        p.ctx,
        { principal: undefined, channel: 'cli' },
        { source: Readable.from([Buffer.from(legacyCsv(rows))]), fileName: 'export.csv' },
      );
      assert.equal(imported.outcome, 'imported', JSON.stringify(imported.problems));
      const found = await p.call('GET', `/api/v1/staff/cards?q=${rows[0]!.id_number}`, {
        token: await p.staffToken('officer-110105'),
      });
      assert.equal(found.statusCode, 200, found.body);
      assert.equal(found.json().total, 1, found.body);
    });
    after(() => p.close());

    test('a dump holds no ID number, phone, name or address in clear', async () => {
      const people = (await p.database.db.select().from(residents)).map((r) =>
        openResident(p.ctx.personal, r),
      );
      const db = p.database.db;
      const addresses = new Set([
        ...(
          await db.select({ addressDetailSealed: applications.addressDetailSealed }).from(applications)
        ).map((r) => openAddress(p.ctx.personal, 'applications', r)),
        ...(await db.select({ addressDetailSealed: cards.addressDetailSealed }).from(cards)).map((r) =>
          openAddress(p.ctx.personal, 'cards', r),
        ),
        ...(await db.select({ addressDetailSealed: visits.addressDetailSealed }).from(visits)).map((r) =>
          openAddress(p.ctx.personal, 'visits', r),
        ),
      ]);
      for (const a of KNOWN_ADDRESSES) assert.ok(addresses.has(a), `${a} is held`);
      const values = {
        'ID number': [
          ...people.flatMap((r) => (r.idNumber ? [r.idNumber] : [])),
          ...LEGACY_ROWS.map((r) => r.id_number),
        ],
        phone: people.flatMap((r) => (r.phone ? [r.phone] : [])),
        name: [...people.flatMap((r) => (r.name ? [r.name] : [])), ...LEGACY_ROWS.map((r) => r.name)],
        address: [...addresses, ...LEGACY_ROWS.flatMap((r) => [r.hukou_address, r.address_detail])],
        // bytea is dumped as hex: a slice of the photo's body, as hex, on either database.
        material: [PHOTO.subarray(8, 200).toString('hex')],
        'staff note': Object.values(STAFF_NOTES),
      };
      assert.ok(values['ID number'].includes(HAN_ID) && values.name.includes('韩梅梅'));
      assert.ok(values['ID number'].length >= 10 && values.phone.length >= 5 && values.name.length >= 10);
      const dump = await dumpText(target.name, p);
      const found: string[] = [];
      let total = 0;
      for (const [table, text] of dump) {
        for (const [kind, list] of Object.entries(values)) {
          const n = list.filter((v) => text.includes(v)).length;
          if (n === 0) continue;
          total += n;
          found.push(`${table}: ${n} ${kind}(s)`);
        }
      }
      console.log(
        `${target.name}: ${people.length} residents; values in clear: ${total} (${found.join('; ') || 'none'})`,
      );
      assert.deepEqual(found, [], 'no table holds personal data in clear');
      // Staff's free text, and the name and ID number it holds, appear nowhere: 0 times.
      const everywhere = [...dump.values()].join('\n');
      const count = (v: string) => everywhere.split(v).length - 1;
      assert.deepEqual(
        [...Object.values(STAFF_NOTES), HAN_ID, '韩梅梅'].map(count),
        [0, 0, 0, 0, 0],
        'staff notes, her ID number and her name appear 0 times in the dump',
      );
    });
  });
}
