// Scheduled jobs and notifications end to end (docs/jobs.md, docs/notifications.md): each job run
// twice notifies once; the SMS of each notification goes out once, through the dev outbox, and is
// retried when the gateway fails; the resident reads them in their language; a decision and a
// booking notify in their own transaction; overdue reviews and visits alert their station once; the runner enqueues each cron slot once, and on
// PostgreSQL two runners ticking together never run a slot twice; a started runner stops cleanly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray, like } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { applications, cards, devOutbox, jobRuns, notifications, visits } from '../src/db/schema/index.ts';
import { createJobRunner, type JobRun } from '../src/services/jobs/runner.ts';
import { platformJobs } from '../src/services/jobs/platform-jobs.ts';
import { notify, openParams, sendPendingSms } from '../src/services/notifications/outbox.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { buildApp } from '../src/http/app.ts';
import { sealAddress } from '../src/db/repositories/addresses.ts';
import { findResidentByPhone } from '../src/db/repositories/residents.ts';

// Tuesday 16 June 2026, 10:30 in Beijing; tomorrow is a working day.
const TODAY = '2026-06-16T10:30:00+08:00';
const PHONE = '13900000001';
const STATION = 'ps-110105-jg'; // 建外派出所

for (const target of dbTargets()) {
  describe(`jobs and notifications on ${target.name}`, () => {
    let p: TestPlatform;
    let token: string;
    let residentId: string;
    const cardIds: Record<string, string> = {};
    let overdueId: string;
    let overdueVisitId: string;
    before(async () => {
      p = await startPlatform(target, TODAY);
      token = await p.residentToken(PHONE);
      const me = await findResidentByPhone(p.database.db, p.ctx.personal, PHONE);
      residentId = me!.id;
      const card = (number: string, fields: Partial<typeof cards.$inferInsert>) => ({
        holderId: residentId,
        kind: 'residence_permit' as const,
        source: 'electronic' as const,
        number,
        version: 1,
        storedStatus: 'active' as const,
        issuedOn: '2025-05-01',
        residenceCountFrom: '2025-05-01',
        districtCode: '110105',
        streetCode: '110105001',
        ...sealAddress(p.ctx.personal, 'cards', '建国路 1 号'),
        stationId: STATION,
        ...fields,
      });
      const inserted = await p.database.db
        .insert(cards)
        .values([
          // Window 10 May – 10 July: closes within a month, not endorsed yet.
          card('T-ENDORSE', { endorsementDueOn: '2026-06-10' }),
          // Window closed 1 June: suspended.
          card('T-SUSPEND', { endorsementDueOn: '2026-05-01' }),
          // Last valid day 15 June: expired.
          card('T-EXPIRED', { kind: 'registration_card', validUntil: '2026-06-15', endorsementDueOn: null }),
        ])
        .returning({ id: cards.id, number: cards.number });
      for (const c of inserted) cardIds[c.number] = c.id;
      const now = p.clock.now();
      const [late] = await p.database.db
        .insert(applications)
        .values({
          applicantId: residentId,
          type: 'change',
          status: 'submitted',
          channel: 'online',
          stationId: STATION,
          districtCode: '110105',
          streetCode: '110105001',
          ...sealAddress(p.ctx.personal, 'applications', '建国路 1 号'),
          cardId: cardIds['T-ENDORSE'],
          acceptedOn: '2026-05-29',
          dueBy: '2026-06-10',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: applications.id });
      overdueId = late!.id;
      const visit = (cardNumber: string, dueOn: string) => ({
        cardId: cardIds[cardNumber]!,
        holderId: residentId,
        reason: 'new_card' as const,
        status: 'open' as const,
        stationId: STATION,
        districtCode: '110105',
        streetCode: '110105001',
        ...sealAddress(p.ctx.personal, 'visits', '建国路 1 号'),
        dueOn,
        createdAt: now,
      });
      // One visit past its due date (10 June), one due next week: only the first is alerted.
      const [lateVisit] = await p.database.db
        .insert(visits)
        .values([visit('T-ENDORSE', '2026-06-10'), visit('T-SUSPEND', '2026-06-22')])
        .returning({ id: visits.id });
      overdueVisitId = lateVisit!.id;
      const booked = await p.call('POST', '/api/v1/appointments', {
        token,
        body: {
          stationId: STATION,
          start: new Date('2026-06-17T09:00:00+08:00').toISOString(),
          purpose: 'application',
        },
      });
      assert.equal(booked.statusCode, 201, booked.body);
    });
    after(() => p.close());

    /** The resident's notifications, their values opened (a resident's are sealed). */
    const mine = async () =>
      (await p.database.db.select().from(notifications).where(eq(notifications.residentId, residentId))).map(
        (r) => ({ ...r, params: openParams(p.ctx.personal, r) }),
      );
    const outbox = async () =>
      (await p.call('GET', `/api/v1/dev/outbox?to=${PHONE}`)).json<{ text: string }[]>().map((m) => m.text);

    test('a booking notifies in its transaction and texts right after commit', async () => {
      const rows = await mine();
      assert.deepEqual(
        rows.map((r) => [r.kind, r.smsState]),
        [['appointment_booked', 'sent']],
      );
      assert.equal(
        (await outbox()).filter((t) => t.includes('您已预约2026年06月17日 09:00在建外派出所')).length,
        1,
      );
    });

    test('each job run twice notifies once', async () => {
      p.clock.advance(60_000);
      const runner = createJobRunner(p.ctx, platformJobs, { id: 'test-runner' });
      const first: Record<string, JobRun> = {};
      const second: Record<string, JobRun> = {};
      for (const job of [
        'endorsement-reminders',
        'card-status-notices',
        'overdue-review-alerts',
        'overdue-visit-alerts',
        'appointment-reminders',
      ]) {
        first[job] = await runner.runNow(job);
        second[job] = await runner.runNow(job);
        assert.equal(first[job].error, undefined, first[job].error);
      }
      const rows = await mine();
      const byKind = (kind: string) => rows.filter((r) => r.kind === kind);
      assert.deepEqual(
        byKind('endorsement_due').map((r) => r.params.number),
        ['T-ENDORSE'],
      );
      assert.equal(byKind('endorsement_due')[0]?.params.closesOn, '2026-07-10');
      assert.deepEqual(
        byKind('card_suspended').map((r) => r.params.number),
        ['T-SUSPEND'],
      );
      assert.deepEqual(
        byKind('card_expired').map((r) => r.params.number),
        ['T-EXPIRED'],
      );
      assert.equal(byKind('appointment_reminder').length, 1);
      const alerts = await p.database.db
        .select()
        .from(notifications)
        .where(like(notifications.key, `review_overdue:${overdueId}:%`));
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0]?.stationId, STATION);
      assert.equal(alerts[0]?.smsState, 'none', 'a station alert is not texted');
      const visitAlerts = await p.database.db
        .select()
        .from(notifications)
        .where(like(notifications.key, 'visit_overdue:%'));
      assert.deepEqual(
        visitAlerts.map((a) => [a.key, a.stationId, a.smsState, a.params?.street]),
        [[`visit_overdue:${overdueVisitId}:2026-06-10`, STATION, 'none', '建外街道']],
        'the overdue visit once, to the station serving its street; the one not yet due not at all',
      );
      assert.equal(first['overdue-visit-alerts']?.result?.alerted, 1);
      // The second runs found everything already told.
      for (const run of Object.values(second))
        assert.ok(
          Object.values(run.result ?? {}).every((n) => n === 0),
          JSON.stringify(run),
        );
      const purged = await runner.runNow('otp-purge');
      assert.equal(typeof purged.result?.deleted, 'number');
    });

    test('the SMS of each goes out once, even when sent twice', async () => {
      const runner = createJobRunner(p.ctx, platformJobs, { id: 'test-runner' });
      await runner.runNow('sms-send');
      const again = await runner.runNow('sms-send');
      assert.equal(again.result?.sent, 0);
      const texts = await outbox();
      const once = (re: RegExp) => assert.equal(texts.filter((t) => re.test(t)).length, 1, String(re));
      once(/^【北京居住证】您的居住证T-ENDORSE须于2026年7月10日前签注/);
      once(/^【北京居住证】您的居住证T-SUSPEND因未按时签注已暂停使用/);
      once(/^【北京居住证】您的证件T-EXPIRED已于2026年6月15日到期失效/);
      once(/^【北京居住证】提醒：您明天2026年06月17日 09:00在建外派出所/);
      assert.ok((await mine()).every((r) => r.smsState === 'sent'));
    });

    test('the resident reads them in their language, newest first', async () => {
      const res = await p.call('GET', '/api/v1/me/notifications', { token, lang: 'en' });
      assert.equal(res.statusCode, 200, res.body);
      const texts = res.json().map((n: { text: string }) => n.text);
      assert.ok(
        texts.includes(
          'Your residence permit T-ENDORSE must be endorsed by 10 Jul 2027 or it will be suspended.'.replace(
            '2027',
            '2026',
          ),
        ),
      );
      assert.ok(texts.includes('Your card T-EXPIRED expired on 15 Jun 2026.'));
      const es = (await p.call('GET', '/api/v1/me/notifications', { token, lang: 'es' })).json();
      assert.ok(
        es.some((n: { text: string }) =>
          n.text.startsWith('Su permiso de residencia T-SUSPEND está suspendido'),
        ),
      );
      assert.equal(es.at(-1).kind, 'appointment_booked');
      assert.equal((await p.call('GET', '/api/v1/me/notifications')).statusCode, 401);
      const staff = await p.staffToken('officer-110105');
      assert.equal((await p.call('GET', '/api/v1/me/notifications', { token: staff })).statusCode, 403);
    });

    test('a decision notifies the applicant; a failed send is retried, never doubled', async () => {
      const down: ServiceContext = {
        ...p.ctx,
        sms: () => ({
          send: () => Promise.reject(new Error('gateway down')),
        }),
      };
      // Someone else applies; the gateway fails when the officer decides.
      const other = await p.residentToken('13900000002');
      await p.call('PUT', '/api/v1/me/identity', {
        token: other,
        body: { name: '测试', idNumber: makeTestIdNumber('110101', '1991-03-03', 51) },
      });
      const applied = await p.call('POST', '/api/v1/applications', {
        token: other,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105001', detail: '建国路 2 号' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      // She reads Spanish: her messages are in Spanish from now on.
      const chose = await p.call('PUT', '/api/v1/me/language', { token: other, body: { language: 'es' } });
      assert.equal(chose.statusCode, 204, chose.body);
      const bad = await p.call('PUT', '/api/v1/me/language', { token: other, body: { language: 'fr' } });
      assert.equal(bad.statusCode, 400);
      const officer = await p.staffToken('officer-110105');
      const decided = await p.call('POST', `/api/v1/staff/applications/${applied.json().id}/decision`, {
        token: officer,
        body: { decision: 'reject', reason: '住所证明与申报地址不符' },
      });
      assert.equal(decided.statusCode, 200, decided.body);
      const [row] = await p.database.db
        .select()
        .from(notifications)
        .where(like(notifications.key, `application_rejected:${applied.json().id}:%`));
      assert.ok(row);
      assert.equal(row.smsState, 'sent', 'sent right after commit');
      const texts = (await p.call('GET', '/api/v1/dev/outbox?to=13900000002')).json<{ text: string }[]>();
      assert.ok(
        texts.some(
          (m) =>
            m.text ===
            '【北京居住证】Su solicitud de tarjeta de registro ha sido denegada. Motivo: 住所证明与申报地址不符',
        ),
      );

      // Now a notification whose gateway fails: retried after a minute, sent once.
      const approvedFor = await p.database.db
        .update(notifications)
        .set({ smsState: 'pending', nextAttemptAt: p.clock.now(), sentAt: null, attempts: 0 })
        .where(eq(notifications.id, row.id))
        .returning();
      assert.equal(approvedFor.length, 1);
      assert.deepEqual(await sendPendingSms(down, { ids: [row.id] }), { sent: 0, failed: 1 });
      const [waiting] = await p.database.db.select().from(notifications).where(eq(notifications.id, row.id));
      assert.equal(waiting?.smsState, 'pending');
      assert.equal(waiting?.lastError, 'gateway down');
      assert.deepEqual(await sendPendingSms(p.ctx, { ids: [row.id] }), { sent: 0, failed: 0 }, 'not due yet');
      p.clock.advance(61_000);
      const [a, b] = await Promise.all([
        sendPendingSms(p.ctx, { ids: [row.id] }),
        sendPendingSms(p.ctx, { ids: [row.id] }),
      ]);
      assert.equal(a.sent + b.sent, 1, 'two senders at once: one sends');
      const after2 = (await p.call('GET', '/api/v1/dev/outbox?to=13900000002')).json<{ text: string }[]>();
      assert.equal(
        after2.filter((m) => m.text.includes('denegada')).length,
        2,
        'the first send and the retry',
      );
    });

    test('three senders draining 60 messages send each once', async () => {
      const phone = '13900000004';
      await p.residentToken(phone);
      const who = await findResidentByPhone(p.database.db, p.ctx.personal, phone);
      const at = p.clock.now();
      for (let i = 0; i < 60; i++)
        await notify(
          p.database.db,
          p.ctx.personal,
          {
            key: `card_expired:batch-${i}`,
            kind: 'card_expired',
            residentId: who!.id,
            params: { number: `B-${i}`, validUntil: '2026-06-15' },
          },
          at,
        );
      const runs = await Promise.all([1, 2, 3].map(() => sendPendingSms(p.ctx, { limit: 500 })));
      assert.equal(
        runs.reduce((n, r) => n + r.sent, 0),
        60,
      );
      const sent = await p.database.db
        .select()
        .from(devOutbox)
        .where(eq(devOutbox.toIndex, p.ctx.personal.indexHex('phone', phone)));
      const numbers = sent
        .map((m) => /证件(B-\d+)/.exec(p.ctx.personal.open('dev_outbox.text', m.textSealed!))?.[1])
        .filter(Boolean);
      assert.equal(numbers.length, 60);
      assert.equal(new Set(numbers).size, 60, 'none twice');
    });

    test('signing in with a language sets the SMS language', async () => {
      const phone = '13900000003';
      assert.equal((await p.call('POST', '/api/v1/auth/otp', { body: { phone } })).statusCode, 202);
      const sms = (await p.call('GET', `/api/v1/dev/outbox?to=${phone}`)).json<{ text: string }[]>();
      const code = /(\d{6})/.exec(sms[0]?.text ?? '')?.[1];
      const res = await p.call('POST', '/api/v1/auth/otp/verify', {
        body: { phone, code },
        lang: 'en-GB,en;q=0.9',
      });
      assert.equal(res.statusCode, 200, res.body);
      const who = await findResidentByPhone(p.database.db, p.ctx.personal, phone);
      assert.equal(who?.language, 'en');
    });

    test('a tick enqueues each cron slot once; a second tick runs nothing', async () => {
      p.clock.set(new Date('2026-06-17T10:00:30+08:00'));
      const runner = createJobRunner(p.ctx, platformJobs, { id: 'tick-runner' });
      const ran = await runner.tick();
      assert.deepEqual(
        ran.map((r) => r.name).sort(),
        platformJobs.map((j) => j.name).sort(),
        'every job has a slot in its catch-up time',
      );
      assert.ok(
        ran.every((r) => r.error === undefined),
        JSON.stringify(ran),
      );
      assert.deepEqual(await runner.tick(), []);
      const slots = await p.database.db
        .select()
        .from(jobRuns)
        .where(inArray(jobRuns.name, ['sms-send', 'endorsement-reminders']));
      const auto = slots.filter((s) => !s.runKey.startsWith('manual:'));
      assert.deepEqual(auto.map((s) => [s.name, s.runKey, s.state, s.attempts]).sort(), [
        ['endorsement-reminders', new Date('2026-06-17T09:00:00+08:00').toISOString(), 'done', 1],
        ['sms-send', new Date('2026-06-17T10:00:00+08:00').toISOString(), 'done', 1],
      ]);
    });

    if (target.name === 'postgres') {
      test('two runners ticking together never run a slot twice', async () => {
        p.clock.set(new Date('2026-06-18T10:00:30+08:00'));
        const one = createJobRunner(p.ctx, platformJobs, { id: 'runner-one' });
        const two = createJobRunner(p.ctx, platformJobs, { id: 'runner-two' });
        const [a, b] = await Promise.all([one.tick(), two.tick()]);
        const keys = [...a, ...b].map((r) => `${r.name}@${r.runKey}`);
        assert.equal(new Set(keys).size, keys.length, `no slot twice: ${keys.join(' ')}`);
        assert.equal(keys.length, platformJobs.length);
        const rows = await p.database.db
          .select()
          .from(jobRuns)
          .where(
            inArray(
              jobRuns.runKey,
              [...a, ...b].map((r) => r.runKey),
            ),
          );
        assert.ok(rows.every((r) => r.attempts === 1 && r.state === 'done'));
      });

      test('four runners draining 200 queued runs run each exactly once', async (t) => {
        let calls = 0;
        const counting = [
          {
            name: 'count',
            cron: '0 0 1 1 *',
            catchUpMs: 0,
            run: async () => {
              calls += 1;
              // Yield so the runners interleave between claim and finish.
              await new Promise((resolve) => setImmediate(resolve));
              return {};
            },
          },
        ];
        const now = p.clock.now();
        await p.database.db.insert(jobRuns).values(
          Array.from({ length: 200 }, (_, i) => ({
            name: 'count',
            runKey: `queued-${i}`,
            state: 'pending' as const,
            runAfter: now,
            createdAt: now,
          })),
        );
        const runners = [1, 2, 3, 4].map((i) => createJobRunner(p.ctx, counting, { id: `drain-${i}` }));
        const each = await Promise.all(runners.map((r) => r.tick()));
        t.diagnostic(`runs per runner: ${each.map((r) => r.length).join(', ')}`);
        const ran = each.flat();
        assert.equal(calls, 200);
        assert.equal(new Set(ran.map((r) => r.runKey)).size, 200);
        const rows = await p.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'count'));
        assert.ok(rows.every((r) => r.state === 'done' && r.attempts === 1));
        assert.ok(new Set(rows.map((r) => r.lockedBy)).size === 1, 'lock cleared on every row');
      });
    }

    test('a run longer than its lease renews it: no other runner takes the slot', async () => {
      let stolen: JobRun[] | undefined;
      const slow = [
        {
          name: 'slow',
          cron: '0 0 1 1 *',
          catchUpMs: 0,
          run: async () => {
            p.clock.advance(1000); // past the lease the run was taken with
            const renewed = async () => {
              const [row] = await p.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'slow'));
              return (row?.lockedUntil?.getTime() ?? 0) > p.clock.now().getTime();
            };
            // The heartbeat beats every 100 ms of real time; without it this gives up after a few seconds.
            let tries = 0;
            while (!(await renewed()) && tries++ < 20_000)
              await new Promise((resolve) => setImmediate(resolve));
            assert.ok(tries < 20_000, 'the lease was renewed');
            stolen = await createJobRunner(p.ctx, slow, { id: 'thief', leaseMs: 300 }).tick();
            return {};
          },
        },
      ];
      const done = await createJobRunner(p.ctx, slow, { id: 'owner', leaseMs: 300 }).runNow('slow');
      assert.equal(done.error, undefined);
      assert.deepEqual(stolen, []);
      const [row] = await p.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'slow'));
      assert.equal(row?.attempts, 1);
      assert.equal(row?.state, 'done');
    });

    test('the app starts its runner when ready and stops it, run finished, on close', async () => {
      p.clock.set(new Date('2026-06-19T10:00:30+08:00'));
      const runner = createJobRunner(p.ctx, platformJobs, { id: 'app-runner', pollMs: 60_000 });
      const app = await buildApp({ ctx: p.ctx, database: p.database, jobs: runner });
      await app.ready();
      await app.close();
      const done = await p.database.db
        .select()
        .from(jobRuns)
        .where(eq(jobRuns.runKey, new Date('2026-06-19T10:00:00+08:00').toISOString()));
      assert.ok(
        done.length > 0 && done.every((r) => r.state === 'done' && r.lockedBy === null),
        'the first tick ran to its end',
      );
      await runner.stop(); // again: harmless
    });
  });
}
