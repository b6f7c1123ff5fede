// Where the checked rows of an import go as they are read: one COPY FROM STDIN stream on
// PostgreSQL (the rows travel while the next ones are parsed, with backpressure: a slow server
// slows the reading, it never piles rows up in memory); multi-row INSERTs on PGlite, which has
// no COPY stream.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RawSession } from '../../db/raw-session.ts';
import {
  asParameter,
  copyTextLine,
  LEGACY_CARD_ROW_COLUMNS,
  type LegacyValue,
} from './legacy-card-columns.ts';

export interface RowsSink {
  /** Queues a row; resolves at once unless the server is behind. */
  write(values: LegacyValue[]): Promise<void> | undefined;
  end(): Promise<void>;
  abort(): void;
}

/** Bytes of COPY text handed to the socket at a time. */
const COPY_CHUNK = 1 << 16;
/** Rows per multi-row INSERT on PGlite. */
const PGLITE_BATCH = 500;

export function rowsSink(s: RawSession, table: string): RowsSink {
  const columns = LEGACY_CARD_ROW_COLUMNS.join(', ');
  // FREEZE: the table was made in this transaction, so its rows are written frozen and marked
  // all-visible; no vacuum has to rewrite a million rows later, and index-only scans work at once.
  return s.copyIn
    ? copySink(s.copyIn(`copy ${table} (${columns}) from stdin with (freeze)`))
    : insertSink(s, table, columns);
}

function copySink(stream: Writable): RowsSink {
  let failed: Error | null = null;
  // Heard at once (an unheard 'error' would end the process), thrown at the next write.
  stream.on('error', (e: Error) => (failed = e));
  let pending = '';
  const flush = async () => {
    if (failed) throw failed;
    const ok = stream.write(pending);
    pending = '';
    if (!ok) await once(stream, 'drain');
  };
  return {
    write(values) {
      pending += copyTextLine(values);
      return pending.length > COPY_CHUNK ? flush() : undefined;
    },
    async end() {
      if (pending.length > 0) await flush();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      if (failed) throw failed;
    },
    abort() {
      stream.destroy();
    },
  };
}

function insertSink(s: RawSession, table: string, columns: string): RowsSink {
  const width = LEGACY_CARD_ROW_COLUMNS.length;
  let batch: LegacyValue[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const tuples = batch.map(
      (_, r) => `(${LEGACY_CARD_ROW_COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(', ')})`,
    );
    const params = batch.flat().map(asParameter);
    batch = [];
    await s.query(`insert into ${table} (${columns}) values ${tuples.join(', ')}`, params);
  };
  return {
    write(values) {
      batch.push(values);
      return batch.length >= PGLITE_BATCH ? flush() : undefined;
    },
    end: flush,
    abort() {
      batch = [];
    },
  };
}
