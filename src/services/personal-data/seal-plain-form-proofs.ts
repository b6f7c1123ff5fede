// At start-up, after the migrations: confirmation forms issued by a release before sealing keep
// their proof in clear (migration 0025 added `proof_sealed` beside it). Each is sealed under its
// row's id and its clear proof emptied, in batches; `FOR UPDATE SKIP LOCKED` leaves rows another
// starting process holds.
import { and, eq, isNotNull } from 'drizzle-orm';
import { confirmationForms } from '../../db/schema/index.ts';
import { formProofColumn } from '../forms/form-proof.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;

export async function sealPlainFormProofs(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: confirmationForms.id, proof: confirmationForms.plainProof })
        .from(confirmationForms)
        .where(isNotNull(confirmationForms.plainProof))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const r of rows) {
        await tx
          .update(confirmationForms)
          .set({ proofSealed: ctx.personal.seal(formProofColumn(r.id), r.proof!), plainProof: null })
          .where(and(eq(confirmationForms.id, r.id), isNotNull(confirmationForms.plainProof)));
      }
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}
