// `juzhu calendar load <file>` as an operator runs it on a data folder: a published year is loaded
// (and the provisional due dates recounted), a year that breaks the calendar's rules is refused
// with its code (exit 1), a file that is not a year's arrangement is a usage error (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const juzhu = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });

test('calendar load: loads a year, refuses a wrong one and a wrong file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-calendar-'));
  const env = { JUZHU_DATA_DIR: dir, LOG_LEVEL: 'silent', JUZHU_CLOCK: '2026-12-20T10:00:00+08:00' };
  const file = (name: string, content: string): string => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };
  const good = file(
    '2027.json',
    JSON.stringify({ year: 2027, daysOff: ['2027-01-01', '2027-02-08'], makeUpWorkingDays: ['2027-02-20'] }),
  );
  const loaded = await juzhu(['calendar', 'load', good], env);
  assert.match(loaded.stdout, /calendar 2027 loaded: 2 days off, 1 make-up working days; 0 provisional/);

  // 2027-02-22 is a Monday: make-up working days are weekend days.
  const wrong = file(
    'bad.json',
    JSON.stringify({ year: 2027, daysOff: [], makeUpWorkingDays: ['2027-02-22'] }),
  );
  await assert.rejects(juzhu(['calendar', 'load', wrong], env), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 1);
    assert.match(e.stderr, /VALIDATION_FAILED: a make-up working day is a weekend day .*2027-02-22/);
    return true;
  });
  await assert.rejects(
    juzhu(['calendar', 'load', file('x.json', '{"year": 1900}')], env),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /"year" must be a year from 2000 to 2100/);
      return true;
    },
  );
});
