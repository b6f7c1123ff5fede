// A database of a release before sealing holds staff's free text in clear: an officer's reason on
// applications, the community police's note and the officer's review on visits, the reason for a
// revocation on cards. After the migration, start-up seals every such value (in batches of 500, a
// column at a time) and empties the clear column; staff and holders then read them as before.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { applications, cards, visits } from '../src/db/schema/index.ts';
import { openNote } from '../src/db/repositories/staff-notes.ts';
import { sealPlainStaffNotes } from '../src/services/personal-data/seal-plain-staff-notes.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { intakeAtWindow } from './support/intake-at-window.ts';

const REASON = '住所证明为复印件，旧版本写入';
const NOTE = '敲门无人应答，邻居称已搬走';
const REVIEW = '经核实无此人居住';
const REVOKED = '核查发现申报地址无此人居住（旧版本）';

const COLUMNS = [
  ['applications', 'reason'],
  ['visits', 'note'],
  ['visits', 'review_note'],
  ['cards', 'revoked_reason'],
] as const;

for (const target of dbTargets()) {
  describe(`staff notes of an older release (${target.name})`, () => {
    let p: TestPlatform;
    let applicationId: string;
    let cardId: string;
    let cardCount: number;
    let visitCount: number;
    before(async () => {
      p = await startPlatform(target, '2025-06-10T09:00:00+08:00');
      applicationId = await intakeAtWindow(p);
      const approved = await p.call('POST', `/api/v1/staff/applications/${applicationId}/decision`, {
        token: await p.staffToken('officer-110105'),
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      cardId = approved.json<{ issuedCardId: string }>().issuedCardId;
      // Every row as the release before sealing wrote it: the text in clear, nothing sealed.
      const db = p.database.db;
      await db.execute(sql`update applications set reason = ${REASON}, reason_sealed = null`);
      await db.execute(
        sql`update visits set note = ${NOTE}, note_sealed = null, review_note = ${REVIEW}, review_note_sealed = null`,
      );
      await db.execute(sql`update cards set revoked_reason = ${REVOKED}, revoked_reason_sealed = null`);
      // 1,203 more applications in clear: more than two batches.
      await db.execute(sql`
        insert into applications (applicant_id, type, status, channel, station_id, district_code, street_code,
                                  address_detail_sealed, reason, accepted_on, due_by, created_at, updated_at)
        select a.applicant_id, a.type, 'rejected', a.channel, a.station_id, a.district_code, a.street_code,
               a.address_detail_sealed, ${REASON} || ' #' || g, a.accepted_on, a.due_by, a.created_at, a.updated_at
          from applications a cross join generate_series(1, 1203) g where a.id = ${applicationId}`);
      cardCount = (await db.select({ id: cards.id }).from(cards)).length;
      visitCount = (await db.select({ id: visits.id }).from(visits)).length;
      assert.ok(cardCount > 0 && visitCount > 0, 'the demo has cards and visits');
    });
    after(() => p.close());

    test('start-up seals every value, empties the clear columns, and the notes read as before', async () => {
      const applicationCount = (await p.database.db.select({ id: applications.id }).from(applications))
        .length;
      assert.ok(applicationCount >= 1204);
      assert.equal(await sealPlainStaffNotes(p.ctx), applicationCount + 2 * visitCount + cardCount);
      assert.equal(await sealPlainStaffNotes(p.ctx), 0, 'a second start has nothing to do');
      for (const [table, column] of COLUMNS) {
        const [left] = await queryRows<{ clear: number; unsealed: number }>(
          p.database.db,
          sql`select count(${sql.identifier(column)})::int as clear,
                     count(*) filter (where ${sql.identifier(`${column}_sealed`)} is null)::int as unsealed
                from ${sql.identifier(table)}`,
        );
        assert.deepEqual(left, { clear: 0, unsealed: 0 }, `${table}.${column}`);
      }
      const [other] = await queryRows<{ sealed: Uint8Array }>(
        p.database.db,
        sql`select reason_sealed as sealed from ${applications} where id <> ${applicationId} and status = 'rejected' limit 1`,
      );
      assert.match(
        openNote(p.ctx.personal, 'applications.reason', other!.sealed) ?? '',
        /^住所证明为复印件，旧版本写入 #\d+$/,
      );
      // Through the API, as staff and holders see them.
      const officer = await p.staffToken('officer-110105');
      const detail = await p.call('GET', `/api/v1/staff/applications/${applicationId}`, { token: officer });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().reason, REASON);
      const card = await p.call('GET', `/api/v1/staff/cards/${cardId}`, { token: officer });
      assert.equal(card.statusCode, 200, card.body);
      assert.equal(card.json().revokedReason, REVOKED);
      const listed = await p.call('GET', '/api/v1/staff/visits', { token: officer });
      assert.equal(listed.statusCode, 200, listed.body);
      const items = listed.json<{ items: { note: string | null; reviewNote: string | null }[] }>().items;
      assert.ok(
        items.length > 0 && items.every((v) => v.note === NOTE && v.reviewNote === REVIEW),
        listed.body,
      );
    });

    test('a sealed note moved to another column does not open', async () => {
      const [visit] = await p.database.db.select().from(visits).limit(1);
      assert.equal(openNote(p.ctx.personal, 'visits.note', visit!.noteSealed), NOTE);
      assert.throws(
        () => openNote(p.ctx.personal, 'visits.review_note', visit!.noteSealed),
        /cannot be opened/,
      );
    });
  });
}
