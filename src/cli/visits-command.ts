// `juzhu visits list` and `juzhu cards revoke`: the operator's view of verification visits, and a
// revocation through the same use case the console and the visits use (with the CLI as actor).
import { visitStatuses, type VisitStatus } from '../domain/visits/visit.ts';
import type { ServiceContext } from '../services/context.ts';
import { listVisitsAsOperator } from '../services/visits/visits.ts';
import { revokeCardByNumber } from '../services/cards/revoke-card.ts';
import { systemActor } from '../services/actor.ts';
import { UsageError } from './usage-error.ts';

export interface VisitsListOptions {
  station?: string;
  status?: string[];
  overdue?: boolean;
  json?: boolean;
}

export function checkStatuses(given: string[] | undefined): VisitStatus[] | undefined {
  if (!given) return undefined;
  const statuses = given.flatMap((s) => s.split(',')).filter((s) => s !== '');
  for (const s of statuses)
    if (!(visitStatuses as readonly string[]).includes(s))
      throw new UsageError(`--status must be among ${visitStatuses.join(', ')}; got ${s}`);
  return statuses as VisitStatus[];
}

export async function visitsList(ctx: ServiceContext, opts: VisitsListOptions): Promise<string> {
  const page = await listVisitsAsOperator(ctx, {
    station: opts.station,
    status: checkStatuses(opts.status),
    overdue: opts.overdue,
  });
  if (opts.json) return JSON.stringify(page.items);
  if (page.items.length === 0) return 'no visits';
  const lines = page.items.map((v) =>
    [
      v.dueOn,
      v.status.padEnd(12),
      (v.overdue ? 'OVERDUE' : v.workingDaysLeft === null ? '' : `${v.workingDaysLeft}wd`).padEnd(8),
      v.card.number,
      v.address.streetName ?? v.address.streetCode,
      v.address.detail,
      v.assignedTo?.name ?? '-',
      v.id,
    ].join('  '),
  );
  const more = page.total > page.items.length ? [`… ${page.total - page.items.length} more`] : [];
  return [...lines, ...more, `${page.total} visit(s)`].join('\n');
}

export async function cardsRevoke(ctx: ServiceContext, number: string, reason: string): Promise<string> {
  const revoked = await revokeCardByNumber(ctx, systemActor('cli'), number, reason);
  return `card ${number} revoked (card id ${revoked.id}); reason: ${revoked.reason}`;
}
