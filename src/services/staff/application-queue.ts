// GET /staff/applications: the queue of the member's jurisdiction, filtered, searched, sorted and
// paged by the database across the whole queue (sorting only the page shown is a known complaint
// about peer consoles), with the total for the pager. Two statements, whatever the page size: the
// count, and the page (its ids picked by the sort's index) joined with applicant and card.
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import {
  overdueStatuses,
  type ApplicationStatus,
  type ApplicationType,
} from '../../domain/applications/application.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { applications, cards, residents } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from './access.ts';
import { applicationScope } from './jurisdiction.ts';
import { timeLimitOf } from './time-limit.ts';
import { classifySearch } from './search-term.ts';
import { holdersMatching } from './holder-search.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export interface QueueFilter {
  status?: ApplicationStatus[] | undefined;
  type?: ApplicationType[] | undefined;
  channel?: ('online' | 'window')[] | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  sort?: 'dueBy' | 'acceptedOn' | 'createdAt' | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** `q` as one indexed look-up: an ID number, a card number, or a full name. */
function searchCondition(cipher: PersonalCipher, q: string): SQL {
  const term = classifySearch(q);
  if (term.kind === 'card_number') {
    const ids = sql`(select ${cards.id} from ${cards} where ${cards.number} = ${term.value})`;
    return sql`(${inArray(applications.cardId, ids)} or ${inArray(applications.issuedCardId, ids)})`;
  }
  const holders = holdersMatching(cipher, term) ?? sql`false`;
  return inArray(applications.applicantId, sql`(select ${residents.id} from ${residents} where ${holders})`);
}

// No sort by applicant name: names are sealed at rest (src/crypto), and a ciphertext has no order
// (an order-revealing index would give away what the sealing hides).
const sortColumns = {
  dueBy: applications.dueBy,
  acceptedOn: applications.acceptedOn,
  createdAt: applications.createdAt,
} as const;

export async function applicationQueue(
  ctx: ServiceContext,
  principal: Principal | undefined,
  filter: QueueFilter,
) {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const today = beijingDate(ctx.clock.now());
  const conditions: SQL[] = [applicationScope(member)];
  if (filter.status?.length) conditions.push(inArray(applications.status, filter.status));
  if (filter.type?.length) conditions.push(inArray(applications.type, filter.type));
  if (filter.channel?.length) conditions.push(inArray(applications.channel, filter.channel));
  if (filter.overdue) {
    conditions.push(inArray(applications.status, [...overdueStatuses]), lt(applications.dueBy, today));
  }
  if (filter.q) conditions.push(searchCondition(ctx.personal, filter.q));
  const where = and(...conditions);
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  const direction = filter.order === 'desc' ? desc : asc;

  const sort = filter.sort ?? 'dueBy';
  const order = [direction(sortColumns[sort]), asc(applications.createdAt), asc(applications.id)];
  // The page is picked first, by id, from the index alone (applications_district_due_idx carries
  // the id): joining applicant and card to every row skipped by a deep offset cost ~30 ms at
  // offset 5,000 of 100,000 (bench/staff-queue.ts); now only the rows shown are joined.
  const picked = ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  // The count and the page at once, on two connections of a server's pool: the answer waits for
  // the slower of the two, not for both in turn.
  const [[counted], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(applications).where(where),
    ctx.db
      .select({
        app: applications,
        applicantName: residents.nameSealed,
        applicantIdNumber: residents.idNumberSealed,
        cardNumber: cards.number,
      })
      .from(applications)
      .innerJoin(residents, eq(residents.id, applications.applicantId))
      .leftJoin(cards, eq(cards.id, applications.cardId))
      .where(inArray(applications.id, picked))
      .orderBy(...order),
  ]);
  const calendar = await ctx.calendar();
  return {
    total: counted?.n ?? 0,
    limit,
    offset,
    items: rows.map(({ app, applicantName, applicantIdNumber, cardNumber }) => {
      const idNumber = openIdNumber(ctx.personal, applicantIdNumber);
      return {
        id: app.id,
        type: app.type,
        status: app.status,
        channel: app.channel,
        // Officers and clerks decide about and serve named people: the real name, not 张*.
        applicantName: openName(ctx.personal, applicantName),
        applicantIdNumber: idNumber === null ? null : maskIdNumber(idNumber),
        byProxy: app.proxy !== null,
        cardNumber,
        stationId: app.stationId,
        districtCode: app.districtCode,
        streetCode: app.streetCode,
        acceptedOn: app.acceptedOn,
        ...timeLimitOf(calendar, app, today),
        missing: app.missing,
        createdAt: app.createdAt.toISOString(),
        updatedAt: app.updatedAt.toISOString(),
      };
    }),
  };
}
