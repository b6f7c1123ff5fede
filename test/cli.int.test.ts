// The command line as an operator uses it: `juzhu keys rotate` on a data folder retires the key in
// use (kept for verification) and starts a new one; under another key-encryption key nothing runs;
// bad arguments get a usage error, exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const juzhu = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });

test('keys rotate: the old key stops signing but stays trusted; the new one signs', async () => {
  const env = { JUZHU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'juzhu-cli-')), LOG_LEVEL: 'silent' };
  const first = await juzhu(['keys', 'rotate'], env);
  assert.match(first.stdout, /^new key \S{11}; retired \S{11} /);
  const second = await juzhu(['keys', 'rotate', '--alg', 'EdDSA'], env);
  const listed = (await juzhu(['keys', 'list'], env)).stdout.trim().split('\n');
  const displayKeys = listed.filter((l) => l.includes('display_code'));
  assert.equal(displayKeys.length, 3);
  const current = displayKeys.filter((l) => /signs until —/.test(l));
  assert.equal(current.length, 1, 'exactly one key signs');
  assert.match(current[0]!, /EdDSA/);
  assert.ok(second.stdout.includes(current[0]!.split(' ')[0]!), 'the new key is the one that signs');
  for (const retired of displayKeys.filter((l) => !/signs until —/.test(l)))
    assert.doesNotMatch(retired, /verifies until —/);

  // Another key-encryption key than the one the data was sealed under: personal data cannot be
  // opened, so the platform refuses to run at all (saying why) rather than work half-blind.
  await assert.rejects(
    juzhu(['keys', 'rotate'], { ...env, JUZHU_KEK: Buffer.alloc(32, 9).toString('base64') }),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 1);
      assert.match(
        e.stderr,
        /personal-data keys cannot be opened with this key-encryption key \(JUZHU_KEK\)/,
      );
      return true;
    },
  );
  const after = (await juzhu(['keys', 'list'], env)).stdout.trim().split('\n');
  assert.deepEqual(after, listed, 'nothing changed under the wrong key');
});

test('a usage error says what is wrong and exits 2', async () => {
  await assert.rejects(
    juzhu(['keys', 'rotate', '--alg', 'RS256'], {}),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /--alg must be ES256 or EdDSA/);
      return true;
    },
  );
  await assert.rejects(juzhu(['verify', 'JZ1:ABC'], {}), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 2);
    assert.match(e.stderr, /--server URL, or --anchor FILE/);
    return true;
  });
  await assert.rejects(juzhu(['serve'], { PORT: 'eighty' }), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 2);
    assert.match(e.stderr, /configuration error: PORT/);
    return true;
  });
});
