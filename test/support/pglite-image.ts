// A migrated, empty PGlite database as an image, made once per machine and shared by every test
// process: starting from it costs ~0.4 s of CPU against ~1.7 s for an empty database plus all the
// migrations, and a test run opens PGlite some seventy times.
//
// The image is a file in the system's temporary folder whose name is a hash of what it depends on
// (PGlite's version and every migration file), so a changed migration or an upgraded PGlite makes
// a new image and never reuses a stale one. Two processes that make it at once each write their own
// file and rename it into place (atomic): the one kept is as good as the other.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrationsFolder, openPglite } from '../../src/db/client.ts';

/** PGlite's package version (its package.json is not exported: found beside its entry point). */
function pgliteVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))); ;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('PGlite package.json not found');
    dir = up;
  }
}

function imageKey(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${pgliteVersion()}\n`);
  const files = [
    'meta/_journal.json',
    ...readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort(),
  ];
  for (const f of files) hash.update(`${f}\n`).update(readFileSync(path.join(migrationsFolder, f)));
  return hash.digest('hex').slice(0, 24);
}

let image: Promise<Blob> | undefined;

async function makeImage(file: string): Promise<Blob> {
  const database = openPglite(undefined);
  try {
    await database.migrate();
    const blob = await database.dumpImage();
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  } finally {
    await database.close();
  }
}

/** The migrated empty database's image: from the shared file, made first if it is not there. */
export function migratedPgliteImage(): Promise<Blob> {
  image ??= (async () => {
    const file = path.join(tmpdir(), `juzhu-pglite-migrated-${imageKey()}.tar`);
    return existsSync(file) ? new Blob([readFileSync(file)]) : makeImage(file);
  })();
  return image;
}
