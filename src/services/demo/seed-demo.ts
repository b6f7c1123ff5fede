// Seeds the demo data once (idempotent: a database that has the admin is left alone). Demo mode only.
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { beijingDate, type IsoDate } from '../../domain/beijing-date.ts';
import { planDemoCard } from './plan-demo-card.ts';
import { seedDemoVisits } from './seed-demo-visits.ts';
import { formatCardNumber, importLegacyCard, issueCard, type CardKind } from '../../domain/cards/index.ts';
import { idNumberCheckDigit, parseIdNumber } from '../../domain/identity/id-number.ts';
import { listStreets } from '../../domain/address/beijing-divisions.ts';
import { cards, residents, staff, stations } from '../../db/schema/index.ts';
import { sealResidentFields } from '../../db/repositories/residents.ts';
import { nextSerial } from '../../db/repositories/cards.ts';
import { insertCardWithStatusEntry } from '../credentials/status-entries.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { lockForTransaction } from '../../db/advisory-lock.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import {
  DEMO_PASSWORD,
  demoDistricts,
  demoResidents,
  demoStations,
  type DemoCardState,
} from './demo-data.ts';
import { sealAddress } from '../../db/repositories/addresses.ts';
import { sealNote } from '../../db/repositories/staff-notes.ts';

export interface DemoLogin {
  username: string;
  role: string;
  stationId: string | null;
}

function demoIdNumber(region: string, birthDate: string, seq: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

export async function seedDemo(ctx: ServiceContext): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = [
    { username: 'admin', role: 'admin', stationId: null },
    ...demoDistricts.flatMap((d) => {
      const police = demoStations.find((s) => s.districtCode === d && s.kind === 'police_station');
      return (['clerk', 'officer', 'police'] as const).map((r) => ({
        username: `${r}-${d}`,
        role: r,
        stationId: police?.id ?? null,
      }));
    }),
  ];
  const [admin] = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
  if (admin) return { seeded: false, logins };

  const passwordHash = await hash(DEMO_PASSWORD);
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const seeded = await ctx.db.transaction(async (tx) => {
    // Two processes starting at once on a fresh database: one seeds, the other waits for it to
    // commit, then finds the admin and leaves the data alone.
    await lockForTransaction(tx, 'juzhu.demo_seed');
    const [seededMeanwhile] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(eq(staff.username, 'admin'));
    if (seededMeanwhile) return false;
    await tx.insert(stations).values(demoStations);
    await tx.insert(staff).values(
      logins.map((l) => ({
        username: l.username,
        passwordHash,
        role: l.role === 'police' ? ('community_police' as const) : (l.role as 'admin' | 'clerk' | 'officer'),
        stationId: l.stationId,
        displayName: l.username,
      })),
    );
    let seq = 1;
    for (const r of demoResidents) {
      const id = parseIdNumber(demoIdNumber(r.region, r.birthDate, seq++), today);
      const [row] = await tx
        .insert(residents)
        .values({
          ...sealResidentFields(ctx.personal, { phone: r.phone, name: r.name, idNumber: id.idNumber }),
          birthDate: id.birthDate,
          sex: id.sex,
          identityBoundAt: now,
        })
        .returning({ id: residents.id });
      if (!row) throw new Error('demo resident insert returned no row');
      for (const h of r.holds) await seedCard(ctx, tx, row.id, r.districtCode, h.kind, h.state, today);
    }
    await seedDemoVisits(ctx, tx, today);
    await recordAudit(tx, {
      at: now,
      actorKind: 'system',
      actorId: null,
      channel: 'cli',
      action: 'demo.seeded',
      subjectKind: 'database',
      subjectId: 'demo',
    });
    return true;
  });
  return { seeded, logins };
}

async function seedCard(
  ctx: ServiceContext,
  tx: Db,
  holderId: string,
  districtCode: string,
  kind: CardKind,
  state: DemoCardState,
  today: IsoDate,
): Promise<void> {
  const plan = planDemoCard(kind, state, today, ctx.policy);
  if (!plan) return; // no such card can exist yet at the demo's clock (R11)
  const card =
    plan.source === 'legacy'
      ? importLegacyCard(kind, plan.issuedOn, plan.validUntil, ctx.policy)
      : issueCard(kind, plan.issuedOn, ctx.policy);
  const station = demoStations.find((s) => s.districtCode === districtCode && s.kind === 'police_station');
  const street = listStreets(districtCode)[0];
  if (!station || !street) throw new Error(`demo district ${districtCode} has no station or street`);
  const base = {
    ...card,
    holderId,
    districtCode,
    streetCode: street.code,
    ...sealAddress(ctx.personal, 'cards', '示范路 1 号院 2 号楼 301'),
    stationId: station.id,
    number: formatCardNumber(kind, districtCode, await nextSerial(tx, `card:${kind}:${districtCode}`)),
  };
  if (state === 'revoked') {
    await insertCardWithStatusEntry(tx, {
      ...base,
      storedStatus: 'revoked',
      revokedReasonSealed: sealNote(ctx.personal, 'cards.revoked_reason', '核查发现申报地址无此人居住'),
      revokedAt: ctx.clock.now(),
    });
    return;
  }
  if (state === 'superseded' && plan.source === 'electronic' && plan.secondVersionOn) {
    const old = await insertCardWithStatusEntry(tx, { ...base, storedStatus: 'superseded' });
    const current = await insertCardWithStatusEntry(tx, {
      ...base,
      version: 2,
      issuedOn: plan.secondVersionOn,
    });
    await tx.update(cards).set({ supersededBy: current.id }).where(eq(cards.id, old.id));
    return;
  }
  await insertCardWithStatusEntry(tx, base);
}
