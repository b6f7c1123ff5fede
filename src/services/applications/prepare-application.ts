// The checks every new application passes, online or at a window: the applicant's identity, the
// address (a real district and street of the city), the card it concerns, eligibility for a
// residence permit, and the station that will decide. Returns the row to insert.
import { FieldError } from '../../domain/validation-problem.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/beijing-date.ts';
import { checkAddress, type AddressInput } from '../../domain/address/check-address.ts';
import { isOpen, type ApplicationType, type Basis } from '../../domain/applications/application.ts';
import { checkPermitEligibility } from '../../domain/applications/eligibility.ts';
import { effectiveStatus, endorsementWindow, isDisplayable } from '../../domain/cards/index.ts';
import type { Db } from '../../db/client.ts';
import { applications, cards } from '../../db/schema/index.ts';
import { findResident } from '../../db/repositories/residents.ts';
import { findCard, toDomainCard, type CardRow } from '../../db/repositories/cards.ts';
import { deciderStationFor } from '../../db/repositories/stations.ts';
import type { ServiceContext } from '../context.ts';
import { openAddress, sealAddress } from '../../db/repositories/addresses.ts';

export interface ApplicationInput {
  type: ApplicationType;
  cardId?: string | undefined;
  address?: AddressInput | undefined;
  basis?: Basis | undefined;
  /** Months of city social insurance or tax the applicant declares; the officer checks them. */
  declaredContributionMonths?: number | undefined;
}

export interface PreparedApplication {
  type: ApplicationType;
  stationId: string;
  districtCode: string;
  streetCode: string;
  addressDetail: string;
  addressFlags: string[];
  basis: Basis | null;
  eligibility: Record<string, unknown> | null;
  cardId: string | null;
  addressChanged: boolean;
}

const needsCard: readonly ApplicationType[] = ['endorsement', 'change', 'replacement'];

export async function prepareApplication(
  ctx: ServiceContext,
  tx: Db,
  applicantId: string,
  input: ApplicationInput,
  today: IsoDate,
): Promise<PreparedApplication> {
  const applicant = await findResident(tx, ctx.personal, applicantId);
  if (!applicant) throw new AppError('NOT_FOUND');
  if (applicant.idNumber === null) throw new AppError('IDENTITY_REQUIRED');

  let card: CardRow | undefined;
  if (needsCard.includes(input.type)) {
    if (!input.cardId) throw new FieldError({ field: 'cardId', keyword: 'required' });
    card = await findCard(tx, input.cardId);
    // Someone else's card is "not found": its existence is not the caller's business.
    if (!card || card.holderId !== applicantId) throw new AppError('NOT_FOUND');
    const status = effectiveStatus(toDomainCard(card), today, ctx.policy);
    if (!isDisplayable(status)) throw new AppError('INVALID_TRANSITION', `card is ${status}`);
    if (input.type === 'endorsement') {
      const window = endorsementWindow(toDomainCard(card), ctx.policy);
      if (!window) throw new AppError('INVALID_TRANSITION', 'only a residence permit is endorsed');
      if (today < window.opensOn)
        throw new AppError('ENDORSEMENT_NOT_OPEN', undefined, { opensOn: window.opensOn });
    }
  } else if (input.cardId !== undefined) {
    throw new FieldError({ field: 'cardId', keyword: 'invalid' });
  }

  // A new card or a change of address needs a real address; endorsement and replacement keep the card's.
  let address = card
    ? {
        districtCode: card.districtCode,
        streetCode: card.streetCode,
        detail: openAddress(ctx.personal, 'cards', card),
        flags: [] as string[],
      }
    : undefined;
  let addressChanged = false;
  if (input.type === 'registration_card' || input.type === 'residence_permit' || input.type === 'change') {
    if (!input.address) throw new FieldError({ field: 'address', keyword: 'required' });
    const checked = checkAddress(input.address);
    addressChanged =
      !card ||
      card.districtCode !== checked.districtCode ||
      card.streetCode !== checked.streetCode ||
      openAddress(ctx.personal, 'cards', card) !== checked.detail;
    address = {
      districtCode: checked.districtCode,
      streetCode: checked.streetCode,
      detail: checked.detail,
      flags: checked.flags,
    };
  }
  if (!address) throw new FieldError({ field: 'address', keyword: 'invalid' });

  let eligibility: Record<string, unknown> | null = null;
  if (input.type === 'residence_permit') {
    const held = await tx
      .select()
      .from(cards)
      .where(and(eq(cards.holderId, applicantId), eq(cards.kind, 'registration_card')));
    const result = checkPermitEligibility(
      {
        today,
        registrationCards: held.map((c) => ({
          issuedOn: c.issuedOn,
          status: effectiveStatus(toDomainCard(c), today, ctx.policy),
        })),
        declaredContributionMonths: input.declaredContributionMonths,
        basis: input.basis,
      },
      ctx.policy,
    );
    eligibility = { ...result };
  }

  // A new card while one of that kind is still in force is a conflict: that one is endorsed,
  // changed or replaced instead (a lapsed, revoked or superseded one does not count).
  if (input.type === 'registration_card' || input.type === 'residence_permit') {
    const held = await tx
      .select()
      .from(cards)
      .where(
        and(eq(cards.holderId, applicantId), eq(cards.kind, input.type), eq(cards.storedStatus, 'active')),
      );
    if (held.some((c) => isDisplayable(effectiveStatus(toDomainCard(c), today, ctx.policy)))) {
      throw new AppError('CONFLICT', `already holds a ${input.type} in force`);
    }
  }

  // One open application of a kind (for a card) at a time: a double submit is a conflict, not a twin.
  const sameKind = await tx
    .select({ status: applications.status, cardId: applications.cardId })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, applicantId),
        eq(applications.type, input.type),
        inArray(applications.status, ['submitted', 'needs_materials', 'resubmitted']),
      ),
    );
  if (sameKind.some((a) => isOpen(a.status) && (a.cardId ?? null) === (card?.id ?? null))) {
    throw new AppError('CONFLICT', 'an application of this type is already open');
  }

  const station = await deciderStationFor(tx, address.districtCode);
  if (!station) throw new AppError('NO_STATION_FOR_DISTRICT');
  return {
    type: input.type,
    stationId: station.id,
    districtCode: address.districtCode,
    streetCode: address.streetCode,
    addressDetail: address.detail,
    addressFlags: address.flags,
    basis: input.type === 'residence_permit' ? (input.basis ?? null) : null,
    eligibility,
    cardId: card?.id ?? null,
    addressChanged,
  };
}

/** Inserts a new application, accepted today and due after the review period. */
export async function insertApplication(
  ctx: Pick<ServiceContext, 'personal'>,
  tx: Db,
  prepared: PreparedApplication,
  fields: {
    applicantId: string;
    channel: 'online' | 'window';
    acceptedOn: IsoDate;
    dueBy: IsoDate;
    dueByProvisional: boolean;
    at: Date;
    proxy?: Record<string, unknown> | null;
    acceptedBy?: string | null;
    intakeStationId?: string | null;
  },
): Promise<typeof applications.$inferSelect> {
  const { addressChanged: _ignored, addressDetail, ...columns } = prepared;
  const [row] = await tx
    .insert(applications)
    .values({
      ...columns,
      ...sealAddress(ctx.personal, 'applications', addressDetail),
      applicantId: fields.applicantId,
      status: 'submitted',
      channel: fields.channel,
      acceptedOn: fields.acceptedOn,
      dueBy: fields.dueBy,
      dueByProvisional: fields.dueByProvisional,
      proxy: fields.proxy ?? null,
      acceptedBy: fields.acceptedBy ?? null,
      intakeStationId: fields.intakeStationId ?? null,
      createdAt: fields.at,
      updatedAt: fields.at,
    })
    .returning();
  if (!row) throw new Error('application insert returned no row');
  return row;
}
