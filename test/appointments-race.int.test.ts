// Never more bookings than capacity, kept by the database (R3): 200 different residents book the
// same slot of capacity 5 at once on PostgreSQL (PGlite has one connection, so no race can happen
// there). Exactly 5 succeed, 195 hear SLOT_FULL, nothing answers 5xx, and the rows agree.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { appointmentSlots, appointments, residents } from '../src/db/schema/index.ts';
import { createSession } from '../src/services/auth/create-session.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';
import { sealResidentFields } from '../src/db/repositories/residents.ts';

const STATION = 'ps-110105-jg';
const SLOT = new Date('2026-10-08T09:00:00+08:00').toISOString();

for (const target of dbTargets().filter((t) => t.name === 'postgres')) {
  describe(`200 concurrent bookings of a slot of capacity 5 on ${target.name}`, () => {
    let p: TestPlatform;
    let tokens: string[];
    before(async () => {
      p = await startPlatform(target, '2026-09-30T10:00:00+08:00');
      const admin = await p.staffToken('admin');
      const set = await p.call('PUT', `/api/v1/admin/stations/${STATION}/appointment-schedule`, {
        token: admin,
        body: {
          periods: ['09:00-12:00'],
          slotMinutes: 30,
          capacity: 5,
          cancelCutoffMinutes: 60,
          bookAheadDays: 14,
        },
      });
      assert.equal(set.statusCode, 200, set.body);
      // 200 residents in one insert, each with a session: no OTP round trips.
      const people = await p.ctx.db
        .insert(residents)
        .values(
          Array.from({ length: 200 }, (_, i) =>
            sealResidentFields(p.ctx.personal, { phone: `139${String(i).padStart(8, '0')}` }),
          ),
        )
        .returning({ id: residents.id });
      const now = p.clock.now();
      tokens = await Promise.all(
        people.map(
          async (r) => (await createSession(p.ctx.db, { kind: 'resident', id: r.id }, now, 3600)).token,
        ),
      );
    });
    after(() => p.close());

    test('exactly 5 booked, 195 SLOT_FULL, no 5xx; the counter and the rows say 5', async () => {
      const answers = await Promise.all(
        tokens.map((token) =>
          p.call('POST', '/api/v1/appointments', {
            token,
            body: { stationId: STATION, start: SLOT, purpose: 'application' },
          }),
        ),
      );
      const statuses = answers.map((r) => r.statusCode);
      assert.equal(statuses.filter((s) => s === 201).length, 5);
      const refused = answers.filter((r) => r.statusCode !== 201);
      assert.equal(refused.length, 195);
      assert.ok(
        refused.every((r) => r.statusCode === 409 && r.json().error.code === 'SLOT_FULL'),
        statuses.join(),
      );
      const [slot] = await p.ctx.db
        .select()
        .from(appointmentSlots)
        .where(eq(appointmentSlots.stationId, STATION));
      assert.equal(slot?.booked, 5);
      assert.equal(
        (await p.ctx.db.select().from(appointments).where(eq(appointments.slotId, slot.id))).length,
        5,
      );
    });
  });
}
