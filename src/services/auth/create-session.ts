import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { newToken, sha256Hex } from './tokens.ts';

export async function createSession(
  db: Db,
  subject: { kind: 'resident' | 'staff'; id: string },
  now: Date,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    subjectKind: subject.kind,
    subjectId: subject.id,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}
