// At start-up, after the migrations: applications, cards and visits written by a release before
// sealing hold their address detail in clear (migration 0023 added `address_detail_sealed` beside
// it): sealed in batches by sealClearColumn, bound to the column as addresses.ts seals them.
import type { AddressTable } from '../../db/repositories/addresses.ts';
import type { ServiceContext } from '../context.ts';
import { sealClearColumn } from './seal-clear-column.ts';

const TABLES: readonly AddressTable[] = ['applications', 'cards', 'visits'];

/** Seals every address still in clear; returns how many rows, all tables together. */
export async function sealPlainAddresses(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (const table of TABLES) {
    sealed += await sealClearColumn(ctx, {
      table,
      clear: 'address_detail',
      sealed: 'address_detail_sealed',
      boundTo: () => `${table}.address_detail`,
    });
  }
  return sealed;
}
