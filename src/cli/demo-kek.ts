// Demo mode may run without a configured key-encryption key: one is generated once and kept
// beside the demo database (owner-only file), so keys sealed under it open again after a restart.
// Production must configure JUZHU_KEK (config.ts refuses to start without it).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function loadOrCreateDemoKek(dataDir: string): Uint8Array {
  const file = path.join(dataDir, 'demo-kek.b64');
  if (existsSync(file)) return new Uint8Array(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  mkdirSync(dataDir, { recursive: true });
  const kek = randomBytes(32);
  writeFileSync(file, kek.toString('base64'), { mode: 0o600 });
  return new Uint8Array(kek);
}
