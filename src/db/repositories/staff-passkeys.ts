// Staff passkeys and the WebAuthn challenges handed out for them (schema/staff-passkeys.ts).
import { and, asc, count, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { staffPasskeys, webauthnChallenges } from '../schema/index.ts';

export type StaffPasskey = typeof staffPasskeys.$inferSelect;
export type WebauthnPurpose = (typeof webauthnChallenges.$inferSelect)['purpose'];

export async function listStaffPasskeys(db: Db, staffId: string): Promise<StaffPasskey[]> {
  return db
    .select()
    .from(staffPasskeys)
    .where(eq(staffPasskeys.staffId, staffId))
    .orderBy(asc(staffPasskeys.createdAt));
}

export async function countStaffPasskeys(db: Db, staffId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffPasskeys).where(eq(staffPasskeys.staffId, staffId));
  return row?.n ?? 0;
}

/** Deletes the member's passkey of that id; returns it, or nothing when the member has none such. */
export async function deleteStaffPasskey(
  db: Db,
  staffId: string,
  id: string,
): Promise<StaffPasskey | undefined> {
  const [row] = await db
    .delete(staffPasskeys)
    .where(and(eq(staffPasskeys.staffId, staffId), eq(staffPasskeys.id, id)))
    .returning();
  return row;
}

/** The credential of that ID if it is this member's: another member's is not found. */
export async function findStaffPasskey(
  db: Db,
  staffId: string,
  credentialId: string,
): Promise<StaffPasskey | undefined> {
  const [row] = await db
    .select()
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.staffId, staffId), eq(staffPasskeys.credentialId, credentialId)));
  return row;
}

/**
 * Moves the counter from `from` to `to` and stamps the use, only if nobody moved it meanwhile: two
 * assertions racing with one counter value cannot both pass. Returns whether it moved.
 */
export async function advanceSignCount(
  db: Db,
  id: string,
  from: number,
  to: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(staffPasskeys)
    .set({ signCount: to, lastUsedAt: at })
    .where(and(eq(staffPasskeys.id, id), eq(staffPasskeys.signCount, from)))
    .returning({ id: staffPasskeys.id });
  return rows.length === 1;
}

/** Keeps a new challenge, clearing this member's expired ones so the table stays small. */
export async function storeChallenge(
  db: Db,
  entry: { challenge: string; staffId: string; purpose: WebauthnPurpose; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.staffId, entry.staffId), lt(webauthnChallenges.expiresAt, now)));
  await db.insert(webauthnChallenges).values(entry);
}

/**
 * Takes the challenge if it was handed to this member for this purpose and has not expired. The
 * row is deleted either way in one statement, so a challenge is answered at most once, however
 * many processes race with the same answer.
 */
export async function takeChallenge(
  db: Db,
  challenge: string,
  staffId: string,
  purpose: WebauthnPurpose,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.staffId, staffId),
        eq(webauthnChallenges.purpose, purpose),
      ),
    )
    .returning({ expiresAt: webauthnChallenges.expiresAt });
  return row !== undefined && row.expiresAt.getTime() > now.getTime();
}
