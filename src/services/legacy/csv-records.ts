// The old system's export, split into records (RFC 4180) as its bytes stream by: every record
// with the line it starts on, bytes that are not UTF-8 (a GBK export, say) and broken quoting
// refused at the line they are on, and the file's SHA-256 on the side.
//
// Written for speed rather than taken from a general CSV library (csv-parse took 30 µs a record,
// more than PostgreSQL needs to store one): a line without a quote character, nearly every line of
// an export, is cut with one native `split`; only a line with a quote goes through the character
// by character reading of quoted fields ("" for a quote, commas and line breaks inside quotes).
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';

export type CsvProblem = 'not_utf8' | 'malformed_csv';

export class CsvFormatError extends Error {
  readonly reason: CsvProblem;
  readonly line: number;
  constructor(reason: CsvProblem, line: number) {
    super(`${reason} at line ${line}`);
    this.reason = reason;
    this.line = line;
  }
}

/** A record cut by a chunk's end is carried to the next; one this long can only be broken quoting. */
const MAX_RECORD_CHARS = 1 << 20;

export type OnRecord = (fields: string[], line: number) => void;

/** Feed chunks with `write`, then call `end`; records reach `onRecord` in file order. */
export class CsvRecords {
  bytes = 0;
  private readonly hash = createHash('sha256');
  /** Line (1-based) of the first character of `text`. */
  private line = 1;
  /** Lines counted in the bytes checked so far, to name the line of a bad byte. */
  private byteLine = 1;
  private carry: Buffer = Buffer.alloc(0);
  private text = '';
  private started = false;

  private readonly onRecord: OnRecord;

  constructor(onRecord: OnRecord) {
    this.onRecord = onRecord;
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  write(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    // A newline byte never occurs inside a multi-byte UTF-8 sequence: complete lines are checked
    // and decoded, and a partial last line waits for the next chunk.
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = all.lastIndexOf(0x0a) + 1;
    this.carry = end === all.length ? Buffer.alloc(0) : Buffer.from(all.subarray(end));
    if (end > 0) this.take(all.subarray(0, end), false);
  }

  end(): void {
    this.take(this.carry, true);
    this.carry = Buffer.alloc(0);
  }

  private take(buf: Buffer, final: boolean): void {
    this.checkUtf8(buf);
    let s = buf.toString('utf8');
    if (!this.started && (s.length > 0 || final)) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    this.parse(this.text.length > 0 ? this.text + s : s, final);
  }

  private checkUtf8(buf: Buffer): void {
    if (isUtf8(buf)) {
      for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) this.byteLine++;
      return;
    }
    for (let start = 0; ;) {
      const nl = buf.indexOf(0x0a, start);
      const stop = nl < 0 ? buf.length : nl + 1;
      if (!isUtf8(buf.subarray(start, stop))) throw new CsvFormatError('not_utf8', this.byteLine);
      this.byteLine++;
      start = stop;
    }
  }

  private parse(s: string, final: boolean): void {
    const n = s.length;
    let pos = 0;
    let quote = s.indexOf('"');
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (quote >= 0 && quote < pos) quote = s.indexOf('"', pos);
      if (quote < 0 || quote > nl) {
        const end = nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        // An empty line is skipped, but counted.
        if (end > pos) this.onRecord(s.slice(pos, end).split(','), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const quoted = this.quotedRecord(s, pos, final);
      if (quoted === null) break;
      this.onRecord(quoted.fields, this.line);
      this.line += quoted.lines;
      pos = quoted.next;
    }
    this.text = pos < n ? s.slice(pos) : '';
    if (this.text.length > MAX_RECORD_CHARS) throw new CsvFormatError('malformed_csv', this.line);
  }

  /** A record with quoted fields from `pos`, or null when it goes on past the text we have. */
  private quotedRecord(
    s: string,
    pos: number,
    final: boolean,
  ): { fields: string[]; next: number; lines: number } | null {
    const n = s.length;
    const fields: string[] = [];
    let lines = 0;
    let i = pos;
    const malformed = () => new CsvFormatError('malformed_csv', this.line + lines);
    for (;;) {
      let field = '';
      let ended: number;
      if (s.charCodeAt(i) === 34) {
        // A quoted field: "" is a quote; anything else, commas and line breaks too, is text.
        i++;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) {
            if (final) throw malformed();
            return null;
          }
          const part = s.slice(i, q);
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
          field += part;
          if (s.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i >= n && !final) return null;
        ended = i;
      } else {
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === 44 || c === 10) break;
          // A quote inside an unquoted field: the quoting is broken, and what follows is a guess.
          if (c === 34) throw malformed();
          j++;
        }
        if (j >= n && !final) return null;
        field = s.slice(i, j);
        if (s.charCodeAt(j) === 10 && field.charCodeAt(field.length - 1) === 13) field = field.slice(0, -1);
        ended = j;
      }
      fields.push(field);
      const c = s.charCodeAt(ended);
      if (ended >= n) return { fields, next: n, lines: lines + 1 };
      if (c === 44) {
        i = ended + 1;
        continue;
      }
      if (c === 10) return { fields, next: ended + 1, lines: lines + 1 };
      if (c === 13 && s.charCodeAt(ended + 1) === 10) return { fields, next: ended + 2, lines: lines + 1 };
      if (c === 13 && ended + 1 >= n && !final) return null;
      throw malformed();
    }
  }
}
