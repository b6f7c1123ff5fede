// Demo mode: one open verification visit for every card in use of the demo residents, so a
// `police-*` account has tasks to try at once (R14). Real tasks are created by issuance only
// (services/visits/create-visit.ts); these are due from the demo's today.
import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '../../domain/beijing-date.ts';
import { createWorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import type { Db } from '../../db/client.ts';
import { cards } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { createVisitFor } from '../visits/create-visit.ts';

/** Called in the seeding transaction, on a fresh database: every card there is a demo card. */
export async function seedDemoVisits(ctx: ServiceContext, tx: Db, today: IsoDate): Promise<void> {
  const inUse = await tx
    .select()
    .from(cards)
    .where(and(eq(cards.storedStatus, 'active'), eq(cards.source, 'electronic')))
    .orderBy(cards.number);
  // A fresh database holds no calendar overrides yet: the packaged official calendar is the one.
  const calendar = createWorkingDayCalendar();
  for (const card of inUse) await createVisitFor(ctx, tx, card, 'new_card', today, calendar);
}
