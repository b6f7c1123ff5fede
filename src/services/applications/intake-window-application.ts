// POST /staff/applications: a clerk takes an application at the window (R4, R16), for the
// applicant in person or for a ward through a guardian or close relative (R13). The clerk records
// which paper documents were checked; the address must lie in the clerk's district (people apply
// where they live).
import { AppError } from '../../domain/errors.ts';
import { beijingDate, type IsoDate } from '../../domain/beijing-date.ts';
import { dueDate } from '../../domain/calendar/due-date.ts';
import type { MaterialKind } from '../../domain/applications/application.ts';
import { missingMaterials, requiredMaterials } from '../../domain/applications/required-materials.ts';
import {
  checkProxy,
  type ProxyDocument,
  type ProxyReason,
  type Relation,
} from '../../domain/applications/proxy.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { normalisePersonName } from '../../domain/identity/person-name.ts';
import type { Db } from '../../db/client.ts';
import { guardianships, residents } from '../../db/schema/index.ts';
import { findResidentByIdNumber, sealResidentFields } from '../../db/repositories/residents.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { translateDbError } from '../../db/errors.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { districtOf, requireStaff } from '../staff/access.ts';
import { insertApplication, prepareApplication, type ApplicationInput } from './prepare-application.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';
import { materialiseLegacyCardsOf } from '../legacy/materialise-legacy-card.ts';
import { FieldError } from '../../domain/validation-problem.ts';

export interface PersonInput {
  name: string;
  idNumber: string;
}

export interface WindowApplicationInput extends ApplicationInput {
  applicant: PersonInput;
  /** Paper materials the clerk saw and checked at the window. */
  materialsChecked: MaterialKind[];
  proxy?:
    | { agent: PersonInput; relation: Relation; reason: ProxyReason; documentsChecked: ProxyDocument[] }
    | undefined;
}

/** The person's record by ID number, created (without a phone login) if the window sees them first. */
async function findOrCreatePerson(
  ctx: ServiceContext,
  tx: Db,
  person: PersonInput,
  today: IsoDate,
  at: Date,
): Promise<string> {
  const id = parseIdNumber(person.idNumber, today);
  const name = normalisePersonName(person.name);
  // A holder of imported legacy cards: their record and cards are made first, and checked below.
  await materialiseLegacyCardsOf(ctx, tx, { idNumbers: [id.idNumber] });
  const existing = await findResidentByIdNumber(tx, ctx.personal, id.idNumber);
  if (existing) {
    // The name on the ID card must match the record; a mismatch is a typo or a different person.
    if (existing.name !== null && existing.name !== name) throw new AppError('IDENTITY_REJECTED');
    return existing.id;
  }
  if (!(await ctx.realName.matches({ name, idNumber: id.idNumber }))) throw new AppError('IDENTITY_REJECTED');
  const [created] = await tx
    .insert(residents)
    .values({
      ...sealResidentFields(ctx.personal, { idNumber: id.idNumber, name }),
      sex: id.sex,
      birthDate: id.birthDate,
      identityBoundAt: at,
    })
    .returning({ id: residents.id });
  if (!created) throw new Error('resident insert returned no row');
  return created.id;
}

export async function intakeWindowApplication(
  ctx: ServiceContext,
  principal: Principal | undefined,
  input: WindowApplicationInput,
): Promise<ApplicationView> {
  const clerk = requireStaff(principal, ['clerk']);
  const district = districtOf(clerk);
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const { dueBy, dueByProvisional } = dueDate(await ctx.calendar(), today, ctx.policy.reviewWorkingDays);
  // A concurrent twin loses on the one-open-application index and gets CONFLICT.
  return ctx.db
    .transaction(async (tx) => {
      const applicantId = await findOrCreatePerson(ctx, tx, input.applicant, today, now);
      let proxy: Record<string, unknown> | null = null;
      if (input.proxy) {
        const ward = parseIdNumber(input.applicant.idNumber, today);
        checkProxy(
          {
            reason: input.proxy.reason,
            wardBirthDate: ward.birthDate,
            today,
            relation: input.proxy.relation,
            documentsChecked: input.proxy.documentsChecked,
          },
          ctx.policy,
        );
        const agentId = await findOrCreatePerson(ctx, tx, input.proxy.agent, today, now);
        if (agentId === applicantId)
          throw new FieldError({ field: 'proxy.agent', keyword: 'rule', rule: 'agent_is_applicant' });
        await tx
          .insert(guardianships)
          .values({
            agentId,
            wardId: applicantId,
            relation: input.proxy.relation,
            reason: input.proxy.reason,
            createdAt: now,
          })
          .onConflictDoNothing();
        proxy = {
          agentId,
          relation: input.proxy.relation,
          reason: input.proxy.reason,
          documentsChecked: input.proxy.documentsChecked,
        };
      }
      const prepared = await prepareApplication(ctx, tx, applicantId, input, today);
      if (prepared.districtCode !== district) {
        throw new AppError('FORBIDDEN', 'apply at a station of the district where the person lives');
      }
      const required = requiredMaterials(input.type, {
        basis: prepared.basis ?? undefined,
        addressChanged: prepared.addressChanged,
      });
      const missing = missingMaterials(required, input.materialsChecked);
      if (missing.length > 0)
        throw new AppError('MATERIALS_MISSING', undefined, { missing: missing.join(', ') }, { missing });
      const row = await insertApplication(ctx, tx, prepared, {
        applicantId,
        channel: 'window',
        acceptedOn: today,
        dueBy,
        dueByProvisional,
        at: now,
        proxy,
        acceptedBy: clerk.staffId,
        intakeStationId: clerk.stationId,
      });
      await recordAudit(tx, {
        at: now,
        actorKind: 'staff',
        actorId: clerk.staffId,
        channel: 'window',
        action: 'application.accepted_at_window',
        subjectKind: 'application',
        subjectId: row.id,
        stationId: clerk.stationId,
        details: {
          type: row.type,
          dueBy,
          dueByProvisional,
          materialsChecked: input.materialsChecked,
          proxy: proxy !== null,
        },
      });
      return toApplicationView(ctx.personal, row);
    })
    .catch(translateDbError);
}
