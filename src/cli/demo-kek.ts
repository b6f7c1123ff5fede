// Demo mode may run without a configured key-encryption key: one is generated once and kept
// beside the demo database (owner-only file), so keys sealed under it open again after a restart.
// Production must configure JUZHU_KEK (config.ts refuses to start without it).
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const read = (file: string) => new Uint8Array(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));

export function loadOrCreateDemoKek(dataDir: string): Uint8Array {
  const file = path.join(dataDir, 'demo-kek.b64');
  if (existsSync(file)) return read(file);
  mkdirSync(dataDir, { recursive: true });
  // Two processes starting at once in one folder must end with one key: each writes its own
  // file whole, then links it into place; link fails if the other was first, and its key wins.
  const mine = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(mine, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    linkSync(mine, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(mine, { force: true });
  }
  return read(file);
}
