import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable bearer tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens and codes are stored only as hashes. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');
