// What a staff member sees of their passkeys: never the key material.
import type { StaffPasskey } from '../../db/repositories/staff-passkeys.ts';

export interface PasskeyView {
  id: string;
  name: string;
  transports: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

export const passkeyView = (k: StaffPasskey): PasskeyView => ({
  id: k.id,
  name: k.name,
  transports: k.transports,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});
