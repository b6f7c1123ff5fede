// Recomputes the audit log's hash chain (migration 0011): every row's hash over the previous hash
// and the row's own text, in seq order, with no gap. An edited row no longer hashes to what it
// stored; a deleted one leaves a gap and breaks the next link; an inserted one has no seq or a link
// that does not fit. Someone who can rewrite the whole table can also recompute the chain: an
// anchor (a seq and hash recorded elsewhere earlier, e.g. printed daily to the operator's log)
// proves the chain up to there is still the one that was recorded.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { ServiceContext } from '../context.ts';

export type ChainProblem =
  'edited' | 'missing' | 'broken_link' | 'unsealed' | 'head_mismatch' | 'anchor_mismatch';

export interface ChainFinding {
  problem: ChainProblem;
  /** The row concerned (its seq, and id when it still exists). */
  seq: number | null;
  id: number | null;
}

export interface ChainReport {
  intact: boolean;
  rows: number;
  head: { seq: number; hash: string };
  /** The first findings, at most `maxFindings`. */
  findings: ChainFinding[];
}

export interface Anchor {
  seq: number;
  /** Hex. */
  hash: string;
}

const GENESIS = Buffer.alloc(32);
const PAGE = 5_000;

interface Row extends Record<string, unknown> {
  id: number;
  seq: number;
  prev_hash: Uint8Array | null;
  hash: Uint8Array | null;
  text: string;
}

export async function verifyAuditChain(
  ctx: Pick<ServiceContext, 'db'>,
  options: { anchor?: Anchor; maxFindings?: number } = {},
): Promise<ChainReport> {
  const maxFindings = options.maxFindings ?? 20;
  const findings: ChainFinding[] = [];
  const note = (f: ChainFinding) => findings.length < maxFindings && findings.push(f);

  let expectedSeq = 1;
  let prevHash: Buffer = GENESIS;
  let rows = 0;
  let anchorSeen = false;
  for (let after = 0; ;) {
    // Keyset paging in seq order: constant memory for any length of log.
    const page = await queryRows<Row>(
      ctx.db,
      sql`
        SELECT a.id::int8 AS id, a.seq::int8 AS seq, a.prev_hash, a.hash, audit_row_text(a) AS text
        FROM audit_log a WHERE a.seq > ${after} ORDER BY a.seq LIMIT ${PAGE}`,
    );
    for (const r of page) {
      const seq = Number(r.seq);
      const id = Number(r.id);
      rows++;
      if (seq !== expectedSeq) {
        for (let missing = expectedSeq; missing < seq && findings.length < maxFindings; missing++) {
          note({ problem: 'missing', seq: missing, id: null });
        }
      }
      const stored = r.hash ? Buffer.from(r.hash) : undefined;
      const storedPrev = r.prev_hash ? Buffer.from(r.prev_hash) : undefined;
      if (seq === expectedSeq && (!storedPrev || !storedPrev.equals(prevHash))) {
        note({ problem: 'broken_link', seq, id });
      }
      const recomputed = createHash('sha256')
        .update(storedPrev ?? GENESIS)
        .update(r.text, 'utf8')
        .digest();
      if (!stored || !stored.equals(recomputed)) note({ problem: 'edited', seq, id });
      if (options.anchor && options.anchor.seq === seq) {
        anchorSeen = true;
        if (!stored || stored.toString('hex') !== options.anchor.hash.toLowerCase()) {
          note({ problem: 'anchor_mismatch', seq, id });
        }
      }
      expectedSeq = seq + 1;
      prevHash = stored ?? recomputed;
    }
    if (page.length < PAGE) break;
    after = Number(page.at(-1)!.seq);
  }
  if (options.anchor && !anchorSeen) note({ problem: 'anchor_mismatch', seq: options.anchor.seq, id: null });

  // Committed rows are sealed by their commit: one without a seq was written past the trigger.
  const unsealed = await queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT id::int8 AS id FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT 20`,
  );
  for (const u of unsealed) note({ problem: 'unsealed', seq: null, id: Number(u.id) });

  const [head] = await queryRows<{ seq: number; hash: Uint8Array }>(
    ctx.db,
    sql`SELECT seq::int8 AS seq, hash FROM audit_chain_head`,
  );
  const headSeq = head ? Number(head.seq) : -1;
  const headHash = head ? Buffer.from(head.hash) : Buffer.alloc(0);
  // The head names the last link: rows deleted from the end leave it pointing past them.
  if (headSeq !== expectedSeq - 1 || !headHash.equals(prevHash)) {
    note({ problem: 'head_mismatch', seq: headSeq, id: null });
  }
  return {
    intact: findings.length === 0,
    rows,
    head: { seq: headSeq, hash: headHash.toString('hex') },
    findings,
  };
}
