import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CsvFormatError, CsvRecords } from './csv-records.ts';

/** Records of `text` fed in chunks of `size` bytes (every cut, a multi-byte character's too). */
function read(text: string | Buffer, size = 1 << 16): { records: [number, string[]][]; sha: string } {
  const records: [number, string[]][] = [];
  const csv = new CsvRecords((fields, line) => records.push([line, fields]));
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < bytes.length; i += size) csv.write(bytes.subarray(i, i + size));
  csv.end();
  return { records, sha: csv.sha256() };
}

const SAMPLE =
  '\uFEFFa,b,c\r\n' +
  '1,"张三, 李四",x\r\n' +
  '\r\n' +
  '2,"他说""好""",\n' +
  '3,"two\nlines",z\n' +
  '4,last,no newline';

test('records with the line each starts on, whatever the chunk size', () => {
  const expected: [number, string[]][] = [
    [1, ['a', 'b', 'c']],
    [2, ['1', '张三, 李四', 'x']],
    [4, ['2', '他说"好"', '']],
    [5, ['3', 'two\nlines', 'z']],
    [7, ['4', 'last', 'no newline']],
  ];
  for (const size of [1, 2, 3, 5, 7, 64, 1 << 16]) {
    assert.deepEqual(read(SAMPLE, size).records, expected, `chunks of ${size}`);
  }
  assert.equal(read(SAMPLE).sha, createHash('sha256').update(SAMPLE).digest('hex'));
});

test('broken quoting and bytes that are not UTF-8 are refused at their line', () => {
  const failure = (text: string | Buffer) => {
    try {
      read(text, 3);
    } catch (e) {
      if (e instanceof CsvFormatError) return `${e.line}:${e.reason}`;
      throw e;
    }
    return 'accepted';
  };
  assert.equal(failure('a,b\n1,"open\n2,3\n'), '2:malformed_csv');
  assert.equal(failure('a,b\n1,x"y\n'), '2:malformed_csv');
  assert.equal(failure('a,b\n1,"x"y\n'), '2:malformed_csv');
  assert.equal(
    failure(Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0xd5, 0xc5, 0x0a])])),
    '3:not_utf8',
  );
  assert.equal(failure('a,b\n\n1,2'), 'accepted');
});
