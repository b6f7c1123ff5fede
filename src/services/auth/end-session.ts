// POST /auth/logout: the token stops working at once (it is deleted, not merely forgotten by the client).
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { sha256Hex } from './tokens.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';

export async function endSession(ctx: ServiceContext, principal: Principal, token: string): Promise<void> {
  const now = ctx.clock.now();
  const subjectId = principal.kind === 'resident' ? principal.residentId : principal.staffId;
  await writeAndAnnounce(ctx, async (tx, announce) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
    announce({ kind: 'session', tokenHash: sha256Hex(token) });
    await recordAudit(tx, {
      at: now,
      actorKind: principal.kind,
      actorId: subjectId,
      channel: principal.kind === 'resident' ? 'online' : 'window',
      action: 'session.ended',
      subjectKind: principal.kind,
      subjectId,
    });
  });
}
