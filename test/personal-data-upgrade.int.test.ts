// A database from a release before sealing holds residents' phones, ID numbers and names in clear.
// After the migration, start-up seals every such row (in batches, under the migration lock) and
// empties the clear columns; the residents are then found by phone and ID number as before. And
// the personal-data keys open only under the KEK that wrapped them. Legacy cards imported before
// blind indexes get theirs at start-up, and are found by them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/domain/clock.ts';
import { createServiceContext } from '../src/services/create-context.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';
import { seedDemo } from '../src/services/demo/seed-demo.ts';
import { sealPlainResidents } from '../src/services/personal-data/seal-plain-residents.ts';
import { indexPlainKeys } from '../src/services/personal-data/index-plain-keys.ts';
import { indexLegacyCards } from '../src/services/personal-data/index-legacy-cards.ts';
import { sealLegacyCards } from '../src/services/personal-data/seal-legacy-cards.ts';
import { materialisePendingLegacyCards } from '../src/services/legacy/materialise-legacy-card.ts';
import { listStreets } from '../src/domain/address/beijing-divisions.ts';
import { identityBindingCodes, otpCodes } from '../src/db/schema/index.ts';
import { findResidentByIdNumber, findResidentByPhone } from '../src/db/repositories/residents.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { dbTargets } from './support/test-db.ts';
import { testCredentials } from './support/test-app.ts';
import type { Database } from '../src/db/client.ts';

const at = new Date('2026-03-02T02:00:00Z');
const contextOn = (database: Database, kek = testCredentials.kek) =>
  createServiceContext({
    database,
    clock: fixedClock(at),
    mode: 'demo',
    credentials: { ...testCredentials, kek },
  });

for (const target of dbTargets()) {
  describe(`personal data of an older release (${target.name})`, () => {
    test('rows in clear are sealed at start-up and found as before', async () => {
      const database = await target.open();
      try {
        // The demo's stations and staff (its residents are written sealed).
        const ctx = contextOn(database);
        await loadDataKeys(ctx);
        await seedDemo(ctx);
        // 1,203 residents as the release before sealing wrote them: more than two batches.
        const people = Array.from({ length: 1203 }, (_, i) => ({
          phone: `137${String(i).padStart(8, '0')}`,
          idNumber: makeTestIdNumber('110101', i < 900 ? '1990-01-01' : '1991-01-01', (i % 900) + 1),
          name: i % 2 ? '王小明' : 'Ana María',
        }));
        await database.db.execute(sql`
          insert into residents (phone, id_number, name)
          select * from unnest(${sql.param(people.map((p) => p.phone))}::text[],
                               ${sql.param(people.map((p) => p.idNumber))}::text[],
                               ${sql.param(people.map((p) => p.name))}::text[])`);
        // A login code's row and a binding code's row, keyed by the phone and the ID number in clear.
        await database.db.execute(sql`
          insert into otp_codes (phone, code_hash, created_at, expires_at)
          values (${people[3]!.phone}, 'x', now(), now() + interval '5 minutes')`);
        await database.db.execute(sql`
          insert into identity_binding_codes (id_number, code_hash, evidence, issued_by, station_id, issued_at,
                                              expires_at)
          select ${people[4]!.idNumber}, 'x', 'id_card', s.id, s.station_id, now(), now() + interval '1 day'
            from staff s where s.station_id is not null limit 1`);
        assert.equal(await sealPlainResidents(ctx), 1203);
        assert.equal(await indexPlainKeys(ctx), 2);
        const [otp] = await database.db.select().from(otpCodes);
        assert.equal(otp?.phoneIndex, ctx.personal.indexHex('phone', people[3]!.phone));
        const [code] = await database.db.select().from(identityBindingCodes);
        assert.equal(code?.idNumberIndex, ctx.personal.indexHex('id_number', people[4]!.idNumber));
        assert.equal(await indexPlainKeys(ctx), 0);
        const [left] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from residents where phone is not null or id_number is not null or name is not null`,
        );
        assert.equal(left?.n, 0, 'no clear value is left');
        const found = await findResidentByPhone(ctx.db, ctx.personal, people[1000]!.phone);
        assert.deepEqual(
          [found?.phone, found?.idNumber, found?.name],
          [people[1000]!.phone, people[1000]!.idNumber, people[1000]!.name],
        );
        const byId = await findResidentByIdNumber(ctx.db, ctx.personal, people[7]!.idNumber);
        assert.equal(byId?.phone, people[7]!.phone);
        assert.equal(await sealPlainResidents(ctx), 0, 'a second start has nothing to do');
      } finally {
        await database.close();
      }
    });

    test('legacy cards of an older release are indexed and sealed at start-up, then found by their holder', async () => {
      const database = await target.open();
      try {
        const ctx = contextOn(database);
        await loadDataKeys(ctx);
        await seedDemo(ctx);
        // 2,101 rows as the release before blind indexes imported them: more than one batch.
        const holders = Array.from({ length: 2101 }, (_, i) => ({
          idNumber: makeTestIdNumber(
            '110102',
            ['1980-01-01', '1981-01-01', '1982-01-01'][Math.floor(i / 900)]!,
            (i % 900) + 1,
          ),
          name: i % 2 ? '李四' : '张三',
        }));
        await database.db.execute(sql`
          insert into legacy_cards (part, import_id, line, card_number, kind, name, id_number, ethnicity,
                                    hukou_address, district_code, street_code, address_detail,
                                    issuing_authority, issued_on, valid_until)
          select 0, gen_random_uuid(), h.n + 1, 'LR' || lpad(h.n::text, 10, '0'), 'registration_card', h.name,
                 h.id_number, '汉族', '河北省石家庄市', '110101', ${listStreets('110101')[0]!.code},
                 '示范路 1 号', '北京市公安局东城分局', date '2020-09-01', date '2021-03-01'
            from unnest(${sql.param(holders.map((h) => h.idNumber))}::text[],
                        ${sql.param(holders.map((h) => h.name))}::text[]) with ordinality as h(id_number, name, n)`);
        assert.equal(await indexLegacyCards(ctx), 2101);
        assert.equal(await indexLegacyCards(ctx), 0, 'a second start has nothing to do');
        // What migration 0028 does for the rows an older release left in clear: their imports listed.
        await database.db.execute(sql`
          insert into legacy_imports_to_seal (import_id)
          select distinct import_id from legacy_cards where seal_block is null`);
        assert.equal(await sealLegacyCards(ctx), 2101);
        assert.equal(await sealLegacyCards(ctx), 0, 'a second start has nothing to seal');
        const [clear] = await queryRows<{ n: string }>(
          database.db,
          sql`select count(*) as n from legacy_cards
               where name is not null or id_number is not null or hukou_address is not null
                  or address_detail is not null or seal_block is null`,
        );
        assert.equal(Number(clear?.n), 0, 'no name, ID number or address is left in clear');
        const [listed] = await queryRows<{ n: string }>(
          database.db,
          sql`select count(*) as n from legacy_imports_to_seal`,
        );
        assert.equal(Number(listed?.n), 0, 'every import is taken off the list once sealed');
        const made = await materialisePendingLegacyCards(ctx, { idNumbers: [holders[2050]!.idNumber] });
        assert.equal(made, 1, 'the card is found by its holder ID number');
        const holder = await findResidentByIdNumber(ctx.db, ctx.personal, holders[2050]!.idNumber);
        assert.equal(holder?.name, holders[2050]!.name);
      } finally {
        await database.close();
      }
    });

    test('another key-encryption key cannot open the personal-data keys: the start-up says so', async () => {
      const database = await target.open();
      try {
        await loadDataKeys(contextOn(database));
        await assert.rejects(
          loadDataKeys(contextOn(database, new Uint8Array(32).fill(7))),
          /personal-data keys cannot be opened with this key-encryption key/,
        );
      } finally {
        await database.close();
      }
    });
  });
}
