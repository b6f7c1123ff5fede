// At start-up, after the migrations: applications, visits and cards written by a release before
// sealing hold staff's free text in clear (migration 0024 added a `*_sealed` column beside each):
// sealed a column at a time by sealClearColumn, bound to the column as staff-notes.ts seals them.
import type { StaffNoteColumn } from '../../db/repositories/staff-notes.ts';
import type { ServiceContext } from '../context.ts';
import { sealClearColumn } from './seal-clear-column.ts';

const COLUMNS: readonly StaffNoteColumn[] = [
  'applications.reason',
  'visits.note',
  'visits.review_note',
  'cards.revoked_reason',
];

/** Seals every staff note still in clear; returns how many values, all columns together. */
export async function sealPlainStaffNotes(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (const column of COLUMNS) {
    const [table, name] = column.split('.') as [string, string];
    sealed += await sealClearColumn(ctx, {
      table,
      clear: name,
      sealed: `${name}_sealed`,
      boundTo: () => column,
    });
  }
  return sealed;
}
