// At start-up, after the migrations: confirmation forms issued by a release before sealing keep
// their proof in clear (migration 0025 added `proof_sealed` beside it): sealed in batches by
// sealClearColumn, each bound to its form's id as form-proof.ts seals them.
import { formProofColumn } from '../forms/form-proof.ts';
import type { ServiceContext } from '../context.ts';
import { sealClearColumn } from './seal-clear-column.ts';

export function sealPlainFormProofs(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  return sealClearColumn(ctx, {
    table: 'confirmation_forms',
    clear: 'proof',
    sealed: 'proof_sealed',
    boundTo: formProofColumn,
  });
}
