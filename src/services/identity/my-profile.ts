// GET /me: what the wallet shows of the account: whether an identity is bound, the name masked and
// the last four of the ID number and the phone.
import { AppError } from '../../domain/errors.ts';
import { maskName } from '../../domain/identity/person-name.ts';
import { findResident } from '../../db/repositories/residents.ts';
import type { ServiceContext } from '../context.ts';

export async function myProfile(ctx: ServiceContext, residentId: string) {
  const me = await findResident(ctx.db, ctx.personal, residentId);
  if (!me) throw new AppError('NOT_FOUND');
  return {
    identityBound: me.idNumber !== null,
    maskedName: me.name === null ? null : maskName(me.name),
    idNumberTail: me.idNumber?.slice(-4) ?? null,
    phoneTail: me.phone?.slice(-4) ?? null,
  };
}
