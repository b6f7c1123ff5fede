// `juzhu serve` runs the scheduled jobs (docs/jobs.md): it says so in its banner, runs the due
// slots at start, and on SIGTERM waits for the run in progress before it exits 0. JUZHU_JOBS=off
// keeps a process out of them. On embedded PGlite, read afterwards from the data folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/client.ts';
import { jobRuns } from '../src/db/schema/index.ts';
import { platformJobs } from '../src/services/jobs/platform-jobs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Starts the server, waits for its banner, stops it with SIGTERM; returns the banner and exit code. */
function serveOnce(env: Record<string, string>): Promise<{ banner: string; code: number | null }> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within 120 s: ${out}${err}`));
    }, 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/jobs:\s+.*\n/.test(out) && child.exitCode === null && !child.killed) child.kill('SIGTERM');
    });
    child.on('exit', (code) => {
      clearTimeout(giveUp);
      if (!/jobs:/.test(out)) reject(new Error(`exited before its banner: ${out}${err}`));
      else resolve({ banner: out, code });
    });
  });
}

test('the server runs the due jobs at start and stops cleanly; JUZHU_JOBS=off runs none', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-serve-jobs-'));
  const env = { JUZHU_DATA_DIR: dir, JUZHU_CLOCK: '2026-06-16T10:30:00+08:00' };
  const on = await serveOnce(env);
  assert.match(on.banner, /jobs:\s+running here \(every 30 s\)/);
  assert.equal(on.code, 0);
  // Restarted at the same JUZHU_CLOCK, as a demo is (test/key-setup.int.test.ts: keys then made
  // "in the future" keep signing).
  const off = await serveOnce({ ...env, JUZHU_JOBS: 'off' });
  assert.match(off.banner, /jobs:\s+off \(JUZHU_JOBS=off\)/);
  assert.equal(off.code, 0);

  const database = openPglite(path.join(dir, 'pglite'));
  try {
    const runs = await database.db.select().from(jobRuns);
    // One run per job (each has a slot within its catch-up time at 10:30), all finished before
    // the exit, none from the second process.
    assert.deepEqual(runs.map((r) => r.name).sort(), platformJobs.map((j) => j.name).sort());
    assert.ok(
      runs.every((r) => r.state === 'done' && r.attempts === 1 && r.lockedBy === null),
      JSON.stringify(runs),
    );
  } finally {
    await database.close();
  }
});
