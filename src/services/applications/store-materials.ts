// Uploaded materials (photo, proof of address, proof of basis). The declared type is not trusted:
// the file's first bytes must match it, so a renamed executable is refused at the edge.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { MaterialKind } from '../../domain/applications/application.ts';
import type { Db } from '../../db/client.ts';
import { applications, materials } from '../../db/schema/index.ts';
import { lockForTransaction } from '../../db/advisory-lock.ts';
import type { ServiceContext } from '../context.ts';
import type { SealedColumn } from '../../crypto/field-cipher.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

import { MAX_MATERIAL_BYTES, type MaterialContentType } from '../../domain/applications/material-files.ts';
export {
  MAX_MATERIAL_BYTES,
  materialContentTypes,
  type MaterialContentType,
} from '../../domain/applications/material-files.ts';

export interface MaterialUpload {
  kind: MaterialKind;
  contentType: MaterialContentType;
  /** base64 of the file. */
  content: string;
}

const magic: Record<MaterialContentType, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

export function decodeMaterial(upload: MaterialUpload): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(upload.content)) {
    throw new AppError('MATERIAL_INVALID', 'not base64', {}, { kind: upload.kind });
  }
  const bytes = Buffer.from(upload.content, 'base64');
  if (bytes.length > MAX_MATERIAL_BYTES) {
    throw new AppError(
      'MATERIAL_TOO_LARGE',
      undefined,
      { maxMb: MAX_MATERIAL_BYTES / 1024 / 1024 },
      { kind: upload.kind },
    );
  }
  const signature = magic[upload.contentType];
  if (bytes.length < signature.length || signature.some((b, i) => bytes[i] !== b)) {
    throw new AppError('MATERIAL_INVALID', 'content does not match type', {}, { kind: upload.kind });
  }
  return bytes;
}

/**
 * What a material's file is sealed under (AES-256-GCM, src/crypto): the column and the material's
 * id are its associated data, so a file moved to another material's row, or read as another
 * column's value, fails to open.
 */
export function materialColumn(materialId: string): SealedColumn {
  return `blobs.content:${materialId}`;
}

/**
 * What `materials.sha256` keeps (the record of which file was submitted): HMAC-SHA-256 of the file
 * under the material key (src/crypto/keyed-digest.ts), hex. A plain SHA-256 let whoever holds a
 * copy of a file confirm from a dump that it was uploaded. Rows of older releases keep their plain
 * SHA-256: nothing compares a digest with a stored one.
 */
export const materialDigest = (personal: PersonalCipher, file: Uint8Array): string =>
  personal.digest('material', file).toString('hex');

/** Checks every upload before storing any, so a bad file leaves nothing half-written. */
export async function storeMaterials(
  ctx: ServiceContext,
  tx: Db,
  applicationId: string,
  uploads: readonly MaterialUpload[],
  round: number,
  at: Date,
): Promise<MaterialKind[]> {
  const decoded = uploads.map((u) => ({ upload: u, bytes: decodeMaterial(u) }));
  await withinQuota(
    ctx,
    tx,
    applicationId,
    decoded.reduce((n, d) => n + d.bytes.length, 0),
  );
  const storage = ctx.storage(tx);
  for (const { upload, bytes } of decoded) {
    const id = randomUUID();
    const storageKey = `materials/${applicationId}/${randomUUID()}`;
    await storage.put(storageKey, upload.contentType, ctx.personal.sealBytes(materialColumn(id), bytes));
    await tx.insert(materials).values({
      id,
      applicationId,
      kind: upload.kind,
      contentType: upload.contentType,
      // The file's own size (what the quota counts), not the sealed one's (29 bytes more).
      size: bytes.length,
      sha256: materialDigest(ctx.personal, bytes),
      storageKey,
      round,
      uploadedAt: at,
    });
  }
  return decoded.map((d) => d.upload.kind);
}

/**
 * The applicant's held materials plus this upload stay within the policy's quota (issue 9, finding
 * 9). Withdrawn and rejected applications' files count until retention deletes them
 * (purge-expired-materials.ts). Serialised per applicant, so parallel uploads cannot both pass.
 */
async function withinQuota(
  ctx: ServiceContext,
  tx: Db,
  applicationId: string,
  adding: number,
): Promise<void> {
  const [owner] = await tx
    .select({ applicantId: applications.applicantId })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!owner) throw new AppError('NOT_FOUND');
  await lockForTransaction(tx, `juzhu.materials_quota:${owner.applicantId}`);
  const [held] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${materials.size}), 0)::text` })
    .from(materials)
    .innerJoin(applications, eq(applications.id, materials.applicationId))
    .where(and(eq(applications.applicantId, owner.applicantId), isNull(materials.purgedAt)));
  const heldBytes = Number(held?.bytes ?? 0);
  const quotaBytes = ctx.policy.materialsQuotaMb * 1024 * 1024;
  if (heldBytes + adding > quotaBytes) {
    throw new AppError(
      'MATERIALS_QUOTA_EXCEEDED',
      undefined,
      { quotaMb: ctx.policy.materialsQuotaMb },
      { heldBytes, quotaBytes },
    );
  }
}
