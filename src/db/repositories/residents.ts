// Residents with their phone, ID number and name sealed (src/crypto): the one place that seals
// them on the way in, opens them on the way out and finds a resident by a blind index, so the
// services and routes above see plain values and the database sees none.
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { residents } from '../schema/index.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

type Row = typeof residents.$inferSelect;

/** A resident as the services see it: the personal fields opened. */
export interface Resident {
  id: string;
  phone: string | null;
  idNumber: string | null;
  name: string | null;
  sex: Row['sex'];
  birthDate: string | null;
  identityBoundAt: Date | null;
  language: Row['language'];
  createdAt: Date;
}

export const openName = (c: PersonalCipher, sealed: Uint8Array | null) =>
  c.openOrNull('residents.name', sealed);
export const openIdNumber = (c: PersonalCipher, sealed: Uint8Array | null) =>
  c.openOrNull('residents.id_number', sealed);
export const openPhone = (c: PersonalCipher, sealed: Uint8Array | null) =>
  c.openOrNull('residents.phone', sealed);

export function openResident(c: PersonalCipher, row: Row): Resident {
  return {
    id: row.id,
    phone: openPhone(c, row.phoneSealed),
    idNumber: openIdNumber(c, row.idNumberSealed),
    name: openName(c, row.nameSealed),
    sex: row.sex,
    birthDate: row.birthDate,
    identityBoundAt: row.identityBoundAt,
    language: row.language,
    createdAt: row.createdAt,
  };
}

/**
 * The column values that store `fields` (sealed, with their indexes), for an insert or an update.
 * A field given as null empties it; one left out is not touched. Values must be canonical (an ID
 * number parsed, a name normalised): the index is of the exact string.
 */
export function sealResidentFields(
  c: PersonalCipher,
  fields: { phone?: string | null; idNumber?: string | null; name?: string | null },
): Partial<
  Pick<Row, 'phoneIndex' | 'phoneSealed' | 'idNumberIndex' | 'idNumberSealed' | 'nameIndex' | 'nameSealed'>
> {
  const out: ReturnType<typeof sealResidentFields> = {};
  if (fields.phone !== undefined) {
    out.phoneIndex = fields.phone === null ? null : c.index('phone', fields.phone);
    out.phoneSealed = fields.phone === null ? null : c.seal('residents.phone', fields.phone);
  }
  if (fields.idNumber !== undefined) {
    out.idNumberIndex = fields.idNumber === null ? null : c.index('id_number', fields.idNumber);
    out.idNumberSealed = fields.idNumber === null ? null : c.seal('residents.id_number', fields.idNumber);
  }
  if (fields.name !== undefined) {
    out.nameIndex = fields.name === null ? null : c.index('name', fields.name);
    out.nameSealed = fields.name === null ? null : c.seal('residents.name', fields.name);
  }
  return out;
}

/** Conditions finding residents by a canonical value, through its blind index. */
export const residentWithIdNumber = (c: PersonalCipher, idNumber: string): SQL =>
  eq(residents.idNumberIndex, c.index('id_number', idNumber));
export const residentWithPhone = (c: PersonalCipher, phone: string): SQL =>
  eq(residents.phoneIndex, c.index('phone', phone));
export const residentWithName = (c: PersonalCipher, name: string): SQL =>
  eq(residents.nameIndex, c.index('name', name));

async function findOne(
  db: Db,
  c: PersonalCipher,
  where: SQL,
  forUpdate: boolean,
): Promise<Resident | undefined> {
  const query = db.select().from(residents).where(where);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row && openResident(c, row);
}

export const findResident = (db: Db, c: PersonalCipher, id: string, opts: { forUpdate?: boolean } = {}) =>
  findOne(db, c, eq(residents.id, id), opts.forUpdate ?? false);

export const findResidentByIdNumber = (db: Db, c: PersonalCipher, idNumber: string) =>
  findOne(db, c, residentWithIdNumber(c, idNumber), false);

export const findResidentByPhone = (db: Db, c: PersonalCipher, phone: string) =>
  findOne(db, c, residentWithPhone(c, phone), false);

/**
 * The resident with this identity, made (held without a phone) if there is none: for records the
 * platform learns of without a login, as a legacy card's holder. Safe under concurrency: the insert
 * yields to a row another transaction made (`residents_id_number_index_key`), then reads it.
 * Returns the resident's id.
 */
export async function ensureHeldResident(
  db: Db,
  c: PersonalCipher,
  person: { idNumber: string; name: string; sex: Row['sex']; birthDate: string; createdAt: Date },
): Promise<string> {
  await db
    .insert(residents)
    .values({
      ...sealResidentFields(c, { idNumber: person.idNumber, name: person.name }),
      sex: person.sex,
      birthDate: person.birthDate,
      createdAt: person.createdAt,
    })
    .onConflictDoNothing({ target: residents.idNumberIndex });
  const [row] = await db
    .select({ id: residents.id })
    .from(residents)
    .where(residentWithIdNumber(c, person.idNumber));
  if (!row) throw new Error('held resident not found after insert');
  return row.id;
}
