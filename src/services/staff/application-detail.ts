// GET /staff/applications/{id}: what an officer decides on (issue 7): the applicant's identity (ID
// number masked; the full number only through the audited reveal), the address and its flags,
// the basis, the materials (each opening audited by read-material), the proxy, the papers the
// clerk checked, the card concerned, and the history. Within jurisdiction only.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { auditLog, cards, materials, residents } from '../../db/schema/index.ts';
import { openResident } from '../../db/repositories/residents.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { applicationInJurisdiction, requireStaff } from './access.ts';
import { cardSummary } from './card-summary.ts';
import { findDistrict, findStreet } from '../../domain/address/beijing-divisions.ts';
import { historyOf } from './history.ts';
import { timeLimitOf } from './time-limit.ts';
import { toApplicationView } from '../applications/application-view.ts';
import { openAddress } from '../../db/repositories/addresses.ts';

const masked = (idNumber: string | null) => (idNumber === null ? null : maskIdNumber(idNumber));

/** The proxy as stored (ids and checked documents only, never names: see applications.proxy). */
interface StoredProxy {
  agentId: string;
  relation: string;
  reason: string;
  documentsChecked: string[];
}

export async function applicationDetail(ctx: ServiceContext, principal: Principal | undefined, id: string) {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const row = await applicationInJurisdiction(ctx.db, member, id);
  const proxy = row.proxy as StoredProxy | null;
  const people = (
    await ctx.db
      .select()
      .from(residents)
      .where(inArray(residents.id, proxy ? [row.applicantId, proxy.agentId] : [row.applicantId]))
  ).map((r) => openResident(ctx.personal, r));
  const person = (pid: string) => people.find((p) => p.id === pid);
  const files = await ctx.db
    .select()
    .from(materials)
    .where(eq(materials.applicationId, id))
    .orderBy(asc(materials.uploadedAt), asc(materials.kind));
  const [card] = row.cardId ? await ctx.db.select().from(cards).where(eq(cards.id, row.cardId)) : [];
  const [intake] = await ctx.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectKind, 'application'),
        eq(auditLog.subjectId, id),
        eq(auditLog.action, 'application.accepted_at_window'),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(1);
  const history = await historyOf(ctx.db, 'application', [id]);
  const today = beijingDate(ctx.clock.now());
  const applicant = person(row.applicantId);
  const agent = proxy ? person(proxy.agentId) : undefined;
  const photos = files.filter((f) => f.kind === 'photo');
  return {
    ...toApplicationView(ctx.personal, row),
    ...timeLimitOf(await ctx.calendar(), row, today),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    applicant: {
      id: row.applicantId,
      name: applicant?.name ?? null,
      idNumber: masked(applicant?.idNumber ?? null),
      sex: applicant?.sex ?? null,
      birthDate: applicant?.birthDate ?? null,
    },
    address: {
      districtCode: row.districtCode,
      districtName: findDistrict(row.districtCode)?.name ?? null,
      streetCode: row.streetCode,
      streetName: findStreet(row.districtCode, row.streetCode)?.name ?? null,
      detail: openAddress(ctx.personal, 'applications', row),
      flags: row.addressFlags,
    },
    basis: row.basis,
    eligibility: row.eligibility ?? null,
    materialsChecked: Array.isArray(intake?.details.materialsChecked)
      ? (intake.details.materialsChecked as string[])
      : null,
    materials: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      contentType: f.contentType,
      size: f.size,
      round: f.round,
      uploadedAt: f.uploadedAt.toISOString(),
    })),
    // The latest photo: a resubmission may have replaced the first one.
    photoMaterialId: photos[photos.length - 1]?.id ?? null,
    proxy: proxy
      ? {
          agent: { id: proxy.agentId, name: agent?.name ?? null, idNumber: masked(agent?.idNumber ?? null) },
          relation: proxy.relation,
          reason: proxy.reason,
          documentsChecked: proxy.documentsChecked,
        }
      : null,
    card: card ? cardSummary(card, today, ctx.policy) : null,
    history,
  };
}
