// Where the checked rows of an import go as they are read: a COPY FROM STDIN stream on
// PostgreSQL (the rows travel while the next ones are parsed, with backpressure: a slow server
// slows the reading, it never piles rows up in memory); multi-row INSERTs on PGlite, which has
// no COPY stream. The blocks of sealed rows go to `legacy_card_seals`: one connection has one COPY
// at a time, so every few MiB of blocks the rows' COPY ends, the blocks are copied, and another
// rows' COPY begins.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RawSession } from '../../db/raw-session.ts';
import {
  asParameter,
  copyTextLine,
  LEGACY_CARD_ROW_COLUMNS,
  type LegacyValue,
  type SealedBlock,
} from './legacy-card-columns.ts';

export interface RowsSink {
  /** Queues a row; resolves at once unless the server is behind. */
  write(values: LegacyValue[]): Promise<void> | undefined;
  /** Queues a block of sealed rows of the import. */
  seal(block: SealedBlock): void;
  end(): Promise<void>;
  abort(): void;
}

/** Bytes of COPY text handed to the socket at a time. */
const COPY_CHUNK = 1 << 16;
/** Characters (rows' COPY text, blocks) handed on and not yet sent before the reading waits. */
const QUEUED_CHARS = 1 << 24;
/** Bytes of sealed blocks gathered before they are copied. */
const SEALS_CHUNK = 1 << 22;
/** Rows per multi-row INSERT on PGlite. */
const PGLITE_BATCH = 500;
/** Blocks per multi-row INSERT on PGlite. */
const PGLITE_SEALS_BATCH = 20;

export function rowsSink(s: RawSession, table: string, importId: string): RowsSink {
  const columns = LEGACY_CARD_ROW_COLUMNS.join(', ');
  // FREEZE: the table was made in this transaction, so its rows are written frozen and marked
  // all-visible; no vacuum has to rewrite a million rows later, and index-only scans work at once.
  return s.copyIn
    ? copySink(s.copyIn, `copy ${table} (${columns}) from stdin with (freeze)`, importId)
    : insertSink(s, table, columns, importId);
}

/** One COPY stream: its errors heard at once (an unheard 'error' would end the process). */
function copyStream(copyIn: (sql: string) => Writable, copySql: string) {
  const stream = copyIn(copySql);
  let failed: Error | null = null;
  stream.on('error', (e: Error) => (failed = e));
  const rethrow = () => {
    if (failed) throw failed;
  };
  return {
    async write(text: string | Buffer): Promise<void> {
      rethrow();
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async end(): Promise<void> {
      rethrow();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      rethrow();
    },
    destroy: () => stream.destroy(),
  };
}

/** COPY's binary format (PostgreSQL docs, "COPY", Binary Format): signature, flags, extension length. */
const BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/**
 * One tuple (import_id uuid, block int, sealed bytea) in COPY's binary format: the sealed bytes go
 * as they are, where text format would send them as hex, twice their size (the blocks are larger
 * than the rows' own COPY text).
 */
function binarySealTuple(importId: Buffer, { block, sealed }: SealedBlock): Buffer {
  const head = Buffer.allocUnsafe(2 + 4 + 16 + 4 + 4 + 4);
  let at = head.writeInt16BE(3, 0);
  at = head.writeInt32BE(16, at);
  at += importId.copy(head, at);
  at = head.writeInt32BE(4, at);
  at = head.writeInt32BE(block, at);
  head.writeInt32BE(sealed.length, at);
  return Buffer.concat([head, sealed]);
}

function copySink(copyIn: (sql: string) => Writable, rowsCopy: string, importId: string): RowsSink {
  const uuid = Buffer.from(importId.replaceAll('-', ''), 'hex');
  let rows = copyStream(copyIn, rowsCopy);
  let pending = '';
  let seals: Buffer[] = [];
  let sealBytes = 0;
  // Each step waits for the one before: a switch to the blocks' COPY and back happens between two
  // steps, never inside a write. The reading goes on meanwhile (the server stores the blocks while
  // the next rows are checked) and waits only when QUEUED_CHARS are queued: memory stays bounded.
  // A step's failure is kept (a rejection nobody awaits yet would end the process), the steps
  // after it are skipped, and the next wait or `end` throws it.
  let chain: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | null = null;
  let queued = 0;
  const rethrow = () => {
    if (failed) throw failed.error;
  };
  const then = (size: number, step: () => Promise<void>) => {
    queued += size;
    chain = chain
      .then(() => (failed ? undefined : step()))
      .catch((error: unknown) => void (failed ??= { error }))
      .finally(() => (queued -= size));
    return queued > QUEUED_CHARS ? chain.then(rethrow) : undefined;
  };
  const copySeals = async (tuples: Buffer[]) => {
    const stream = copyStream(
      copyIn,
      'copy legacy_card_seals (import_id, block, sealed) from stdin with (format binary)',
    );
    rows = stream; // the COPY open now, for abort()
    await stream.write(Buffer.concat([BINARY_HEADER, ...tuples, BINARY_TRAILER]));
    await stream.end();
  };
  const takeSeals = () => {
    const tuples = seals;
    seals = [];
    sealBytes = 0;
    return tuples;
  };
  return {
    write(values) {
      pending += copyTextLine(values);
      if (pending.length <= COPY_CHUNK) return undefined;
      const text = pending;
      pending = '';
      const tuples = sealBytes > SEALS_CHUNK ? takeSeals() : null;
      return then(text.length + (tuples === null ? 0 : SEALS_CHUNK), async () => {
        await rows.write(text);
        if (tuples === null) return;
        await rows.end();
        await copySeals(tuples);
        rows = copyStream(copyIn, rowsCopy);
      });
    },
    seal(block) {
      const tuple = binarySealTuple(uuid, block);
      seals.push(tuple);
      sealBytes += tuple.length;
    },
    async end() {
      const text = pending;
      pending = '';
      const tuples = takeSeals();
      await then(0, async () => {
        if (text.length > 0) await rows.write(text);
        await rows.end();
        if (tuples.length > 0) await copySeals(tuples);
      });
      await chain;
      rethrow();
    },
    abort() {
      rows.destroy();
    },
  };
}

function insertSink(s: RawSession, table: string, columns: string, importId: string): RowsSink {
  const width = LEGACY_CARD_ROW_COLUMNS.length;
  let batch: LegacyValue[][] = [];
  let seals: SealedBlock[] = [];
  const flushSeals = async () => {
    if (seals.length === 0) return;
    const tuples = seals.map((_, r) => `($1, $${2 * r + 2}, $${2 * r + 3})`);
    const params = [importId, ...seals.flatMap((b) => [b.block, b.sealed])];
    seals = [];
    await s.query(
      `insert into legacy_card_seals (import_id, block, sealed) values ${tuples.join(', ')}`,
      params,
    );
  };
  const flush = async () => {
    if (seals.length >= PGLITE_SEALS_BATCH) await flushSeals();
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
    seal(block) {
      seals.push(block);
    },
    async end() {
      await flush();
      await flushSeals();
    },
    abort() {
      batch = [];
      seals = [];
    },
  };
}
