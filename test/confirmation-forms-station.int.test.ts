// The station's confirmation forms (R9, R16; issue 8): the list a clerk reads (own station only,
// paged by the server, audited), printing one again from its kept proof, and the form issued with
// the approval of a window application whose applicant has no phone: in the approval's
// transaction, audited as the officer's, in the holder's access log, waiting in the intake
// station's "to print" list until a clerk marks it handed over.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { auditLog, confirmationForms, staff } from '../src/db/schema/index.ts';
import { accessLog } from '../src/services/cards/access-log.ts';
import { assertError } from './support/assert-error.ts';
import { pdfText } from './support/pdf-tools.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';
import { findResidentByPhone } from '../src/db/repositories/residents.ts';
import { formProofColumn } from '../src/services/forms/form-proof.ts';
import { sealPlainFormProofs } from '../src/services/personal-data/seal-plain-form-proofs.ts';

const haidian = { districtCode: '110108', street: '110108015', detail: '中关村南大街 7 号 1 号楼 101' };
const NO_PHONE = { name: '韩桂芝', idNumber: makeTestIdNumber('130102', '1951-04-02', 31) };

interface Row {
  id: string;
  serial: string;
  origin: string;
  evidence: string;
  holder: { name: string; idNumber: string };
  card: { number: string; kind: string };
  issuedBy: string;
  printable: boolean;
  handedOverAt: string | null;
}

for (const target of dbTargets()) {
  describe(`the station's confirmation forms on ${target.name}`, () => {
    let p: TestPlatform;
    let clerk: string;
    const list = async (query = '', token = clerk) => {
      const res = await p.call('GET', `/api/v1/staff/confirmation-forms${query}`, { token });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ items: Row[]; total: number; limit: number; offset: number }>();
    };
    const approveWindowApplication = async (applicant: { name: string; idNumber: string }) => {
      const taken = await p.call('POST', '/api/v1/staff/applications', {
        token: clerk,
        body: {
          type: 'registration_card',
          address: haidian,
          applicant,
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(taken.statusCode, 201, taken.body);
      const approved = await p.call('POST', `/api/v1/staff/applications/${taken.json().id}/decision`, {
        token: await p.staffToken('officer-110108'),
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      return {
        applicationId: taken.json<{ id: string }>().id,
        cardId: approved.json<{ issuedCardId: string }>().issuedCardId,
      };
    };

    before(async () => {
      p = await startPlatform(target, '2026-11-20T10:00:00+08:00');
      clerk = await p.staffToken('clerk-110108'); // 中关村派出所
    });
    after(() => p.close());

    test('a form issued at the window is listed at that station only, masked; reading the list is audited', async () => {
      const holder = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000001');
      const issued = await p.call('POST', '/api/v1/staff/confirmation-forms', {
        token: clerk,
        body: { idNumber: holder!.idNumber, evidence: 'household_register' },
      });
      assert.equal(issued.statusCode, 201, issued.body);
      const serial = String(issued.headers['x-form-serial']);

      const page = await list('?limit=5');
      assert.equal(page.total, 1);
      const [row] = page.items;
      assert.equal(row?.serial, serial);
      assert.equal(row?.origin, 'window');
      assert.equal(row?.evidence, 'household_register');
      assert.equal(row?.holder.name, '王**');
      assert.match(row?.holder.idNumber ?? '', /^\d{4}\*+\d{3}[\dX]$/);
      assert.equal(row?.printable, true);
      assert.equal((await list('?toPrint=true')).total, 0, 'a window form is printed on the spot');

      const listed = await p.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'confirmation_form.listed'));
      assert.ok(listed.length >= 2);
      assert.deepEqual((listed[0]!.details as { formIds: string[] }).formIds, [row.id]);

      // Another station sees nothing of it, and cannot print it.
      const elsewhere = await p.staffToken('clerk-110101');
      assert.equal((await list('', elsewhere)).total, 0);
      assertError(
        await p.call('GET', `/api/v1/staff/confirmation-forms/${row.id}/pdf`, { token: elsewhere }),
        404,
        'NOT_FOUND',
      );
      // Printed again: the same serial and holder, from the proof kept at issue; audited.
      const again = await p.call('GET', `/api/v1/staff/confirmation-forms/${row.id}/pdf`, { token: clerk });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.headers['content-type'], 'application/pdf');
      const text = pdfText(again.rawPayload);
      assert.ok(
        text.includes('王小明') && text.includes(serial),
        'the reprint shows the holder and the serial',
      );
      const printed = await p.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'confirmation_form.printed'));
      assert.equal(printed.length, 1);
      // Only a form issued after review waits to be handed over.
      assertError(
        await p.call('POST', `/api/v1/staff/confirmation-forms/${row.id}/handed-over`, { token: clerk }),
        409,
        'INVALID_TRANSITION',
      );
    });

    test('approving a window applicant without a phone issues a form in the approval, to print and hand over', async () => {
      const { applicationId, cardId } = await approveWindowApplication(NO_PHONE);
      const [form] = await p.ctx.db
        .select()
        .from(confirmationForms)
        .where(eq(confirmationForms.applicationId, applicationId));
      assert.ok(form, 'a form was issued with the approval');
      assert.equal(form.cardId, cardId);
      assert.equal(form.origin, 'after_review');
      assert.equal(form.stationId, 'ps-110108-zgc', "the intake station's");
      const [officer] = await p.ctx.db.select().from(staff).where(eq(staff.username, 'officer-110108'));
      assert.equal(form.staffId, officer!.id, 'answerable: the approving officer');
      const [audited] = await p.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'confirmation_form.issued'), eq(auditLog.subjectId, cardId)));
      assert.equal(audited?.actorId, officer!.id);
      assert.equal((audited?.details as { origin: string }).origin, 'after_review');
      // The holder's access log names it, as every form printed for them.
      const log = await accessLog(p.ctx, form.holderId);
      assert.ok(log.some((e) => e.result === 'confirmation_form_issued' && e.verifier === '中关村派出所'));

      const toPrint = await list('?toPrint=true');
      assert.equal(toPrint.total, 1);
      const [row] = toPrint.items;
      assert.equal(row?.id, form.id);
      assert.equal(row?.holder.name, '韩**');
      assert.equal(row?.issuedBy, officer!.displayName);
      const pdf = await p.call('GET', `/api/v1/staff/confirmation-forms/${form.id}/pdf`, { token: clerk });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.ok(pdfText(pdf.rawPayload).includes(NO_PHONE.name));

      const handed = await p.call('POST', `/api/v1/staff/confirmation-forms/${form.id}/handed-over`, {
        token: clerk,
      });
      assert.equal(handed.statusCode, 200, handed.body);
      assert.equal((await list('?toPrint=true')).total, 0, 'handed over: no longer to print');
      assert.ok((await list()).items.find((r) => r.id === form.id)?.handedOverAt);
      assertError(
        await p.call('POST', `/api/v1/staff/confirmation-forms/${form.id}/handed-over`, { token: clerk }),
        409,
        'INVALID_TRANSITION',
      );
      const trail = await p.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'confirmation_form.handed_over'));
      assert.equal(trail.length, 1);
    });

    test('no form when the applicant signs in to the wallet, or applied online', async () => {
      // 周杰 (13800000008) has a phone login: his wallet shows the card.
      const zhou = { name: '周杰', idNumber: makeTestIdNumber('440103', '2000-03-30', 8) };
      const { applicationId } = await approveWindowApplication(zhou);
      const forms = await p.ctx.db
        .select()
        .from(confirmationForms)
        .where(eq(confirmationForms.applicationId, applicationId));
      assert.deepEqual(forms, []);
      const none = await p.ctx.db
        .select()
        .from(confirmationForms)
        .where(eq(confirmationForms.origin, 'after_review'));
      assert.equal(none.length, 1, 'only the applicant without a phone got one');
    });

    test('the list is paged by the server; only clerks read it', async () => {
      const first = await list('?limit=1&offset=0');
      const second = await list('?limit=1&offset=1');
      assert.equal(first.total, 2);
      assert.equal(first.items.length, 1);
      assert.notEqual(first.items[0]?.id, second.items[0]?.id);
      for (const who of ['officer-110108', 'police-110108', 'admin']) {
        assertError(
          await p.call('GET', '/api/v1/staff/confirmation-forms', { token: await p.staffToken(who) }),
          403,
          'FORBIDDEN',
        );
      }
      assertError(
        await p.call('GET', '/api/v1/staff/confirmation-forms', {
          token: await p.residentToken('13800000001'),
        }),
        403,
        'FORBIDDEN',
      );
    });

    test('the kept proof is sealed; one an older release kept in clear is sealed at start-up and still prints', async () => {
      const holder = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000001');
      const issued = await p.call('POST', '/api/v1/staff/confirmation-forms', {
        token: clerk,
        body: { idNumber: holder!.idNumber, evidence: 'id_card' },
      });
      assert.equal(issued.statusCode, 201, issued.body);
      const serial = String(issued.headers['x-form-serial']);
      const stored = async () =>
        (await p.ctx.db.select().from(confirmationForms).where(eq(confirmationForms.serial, serial)))[0]!;
      const kept = await stored();
      assert.equal(kept.plainProof, null, 'no proof in clear');
      assert.ok(kept.proofSealed, 'the proof is sealed');
      const proof = p.ctx.personal.open(formProofColumn(kept.id), kept.proofSealed);
      assert.match(proof, /^JZF1:/);
      // Bound to its row: the same bytes on another form's row do not open.
      assert.throws(() =>
        p.ctx.personal.open(formProofColumn('00000000-0000-4000-8000-000000000000'), kept.proofSealed!),
      );

      // As a release before sealing kept it: in clear.
      await p.ctx.db
        .update(confirmationForms)
        .set({ proofSealed: null, plainProof: proof })
        .where(eq(confirmationForms.id, kept.id));
      assert.equal((await list('?limit=50')).items.find((r) => r.serial === serial)?.printable, true);
      assert.ok((await sealPlainFormProofs(p.ctx)) >= 1);
      assert.equal(await sealPlainFormProofs(p.ctx), 0, 'a second start seals nothing');
      const resealed = await stored();
      assert.equal(resealed.plainProof, null);
      assert.equal(p.ctx.personal.open(formProofColumn(kept.id), resealed.proofSealed!), proof);
      const again = await p.call('GET', `/api/v1/staff/confirmation-forms/${kept.id}/pdf`, { token: clerk });
      assert.equal(again.statusCode, 200, again.body);
      assert.ok(pdfText(again.rawPayload).includes(serial));
    });

    test('a form issued before proofs were kept cannot be printed again: 409, said in words, with its serial', async () => {
      const holder = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000002');
      const issued = await p.call('POST', '/api/v1/staff/confirmation-forms', {
        token: clerk,
        body: { idNumber: holder!.idNumber, evidence: 'id_card' },
      });
      assert.equal(issued.statusCode, 201, issued.body);
      const serial = String(issued.headers['x-form-serial']);
      // What a form printed before migration 0021 looks like: no proof kept.
      await p.ctx.db
        .update(confirmationForms)
        .set({ proofSealed: null, plainProof: null })
        .where(eq(confirmationForms.serial, serial));
      const row = (await list('?limit=10')).items.find((r) => r.serial === serial);
      assert.equal(row?.printable, false);
      const refused = await p.call('GET', `/api/v1/staff/confirmation-forms/${row.id}/pdf`, {
        token: clerk,
      });
      assertError(refused, 409, 'FORM_NOT_REPRINTABLE');
      assert.deepEqual(refused.json().error.details, { serial });
      assert.equal(
        refused.json().error.message,
        `确认单 ${serial} 开具于系统保存签名凭证之前，无法重新打印；请核验持证人证件后开具一份新的确认单`,
      );
      const inEnglish = await p.call('GET', `/api/v1/staff/confirmation-forms/${row.id}/pdf`, {
        token: clerk,
        lang: 'en',
      });
      assert.match(
        inEnglish.json().error.message,
        new RegExp(`^Confirmation form ${serial} was issued before`),
      );
    });
  });
}
