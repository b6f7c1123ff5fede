// The phone account of a person who proved possession takes over the record the platform already
// held for them (window intake, legacy import, a ward): the record keeps its id, so its cards,
// applications and guardianships stay where they are; the phone and the sessions move onto it and
// the empty account goes.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { residents, sessions } from '../../db/schema/index.ts';
import { sealResidentFields, type Resident } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

/** The caller drops the cached sessions after commit: they still name the deleted account. */
export async function takeOverHeldRecord(
  tx: Db,
  cipher: PersonalCipher,
  input: { me: Resident; held: Resident; name: string; now: Date },
): Promise<void> {
  const { me, held } = input;
  await tx
    .update(residents)
    .set(sealResidentFields(cipher, { phone: null }))
    .where(eq(residents.id, me.id));
  await tx
    .update(residents)
    .set({
      ...sealResidentFields(cipher, { phone: me.phone, name: held.name ?? input.name }),
      identityBoundAt: input.now,
    })
    .where(eq(residents.id, held.id));
  await tx.update(sessions).set({ subjectId: held.id }).where(eq(sessions.subjectId, me.id));
  await tx.delete(residents).where(eq(residents.id, me.id));
}
