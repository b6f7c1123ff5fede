// The committed vectors through the three verifiers that must agree: the offline library, the
// `juzhu verify` command, and the server's POST /verify (which reads card status from its
// database instead of a status list). One vector cannot apply online: `status_unknown` is the
// offline answer to a stale status list, and the server has no list to be stale.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { decodeBase64url } from '../../src/verify/base64url.ts';
import {
  verifyDisplayCode,
  verifyStatusList,
  verifyTrustList,
  type StatusListSnapshot,
  type TrustAnchor,
  type TrustList,
} from '../../src/verify/index.ts';
import { cardStatusFromList } from '../../src/verify/index.ts';
import { dbTargets } from '../support/test-db.ts';
import { startPlatform, type TestPlatform } from '../support/test-app.ts';
import { importVerificationKey } from '../../src/services/credentials/manage-signing-keys.ts';
import { sealAddress } from '../../src/db/repositories/addresses.ts';
import { systemActor } from '../../src/services/actor.ts';
import { cards, residents, verifyChallenges } from '../../src/db/schema/index.ts';

interface Vector {
  name: string;
  code: string;
  now: string;
  skewSeconds: number;
  challenge?: string;
  expected: string;
  claims?: {
    kind: 'registration_card' | 'residence_permit';
    cardNumber: string;
    cardVersion: number;
    validUntil: string;
    districtCode: string;
    statusList: { list: number; index: number };
  };
}
const file = JSON.parse(readFileSync(new URL('display-codes.json', import.meta.url), 'utf8')) as {
  anchors: TrustAnchor[];
  trustList: string;
  statusLists: Record<string, string>;
  vectors: Vector[];
};
const ONLINE_EXEMPT = new Set(['status_unknown']);
const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function offlineContext(now: Date, skewSeconds: number) {
  const trust = await verifyTrustList(decodeBase64url(file.trustList)!, file.anchors, { now, skewSeconds });
  assert.ok(trust.ok);
  const lists = new Map<number, StatusListSnapshot>();
  for (const token of Object.values(file.statusLists)) {
    const s = await verifyStatusList(decodeBase64url(token)!, trust.trustList, { now, skewSeconds });
    if (s.ok) lists.set(s.snapshot.list, s.snapshot);
  }
  return { trustList: trust.trustList, lists };
}

async function viaLibrary(v: Vector): Promise<string> {
  const now = new Date(v.now);
  const { trustList, lists } = await offlineContext(now, v.skewSeconds);
  const outcome = await verifyDisplayCode(v.code, {
    trustList,
    statusLists: (n) => lists.get(n),
    now,
    skewSeconds: v.skewSeconds,
    ...(v.challenge ? { challenge: v.challenge } : {}),
  });
  return outcome.result;
}

const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-vectors-'));
const files = {
  anchor: path.join(dir, 'anchors.json'),
  trust: path.join(dir, 'trust-list.cwt'),
  status: path.join(dir, 'status-list-1.cwt'),
};
writeFileSync(files.anchor, JSON.stringify(file.anchors));
writeFileSync(files.trust, decodeBase64url(file.trustList)!);
writeFileSync(files.status, decodeBase64url(file.statusLists['1']!)!);

async function viaCli(v: Vector): Promise<string> {
  const args = [
    'src/cli/main.ts',
    'verify',
    v.code,
    '--anchor',
    files.anchor,
    '--trust-list',
    files.trust,
    '--status-list',
    `1=${files.status}`,
    '--now',
    v.now,
    '--skew',
    String(v.skewSeconds),
    '--json',
  ];
  if (v.challenge) args.push('--challenge', v.challenge);
  try {
    const { stdout } = await run(process.execPath, args, { cwd: root });
    return (JSON.parse(stdout) as { result: string }).result;
  } catch (e) {
    // exit 1 = verified, but not valid: the verdict is still on stdout
    const { stdout, code } = e as { stdout: string; code: number };
    assert.equal(code, 1, `juzhu verify ${v.name} exited ${code}`);
    return (JSON.parse(stdout) as { result: string }).result;
  }
}

for (const target of dbTargets()) {
  describe(`vectors through library, CLI and server (${target.name})`, () => {
    let p: TestPlatform;
    let trustList: TrustList;
    let statusOf: (v: Vector) => string;
    before(async () => {
      p = await startPlatform(target, file.vectors[0]!.now);
      const first = await offlineContext(new Date(file.vectors[0]!.now), 10);
      trustList = first.trustList;
      statusOf = (v) =>
        cardStatusFromList(
          first.lists.get(v.claims!.statusList.list),
          v.claims!.statusList,
          new Date(v.now),
          10,
        );
      for (const key of trustList.keys) await importVerificationKey(p.ctx, systemActor('cli'), key);
      // The cards the vectors speak of, each in the state its status-list entry gives.
      const [holder] = await p.database.db.select({ id: residents.id }).from(residents).limit(1);
      const seen = new Set<string>();
      for (const v of file.vectors) {
        if (!v.claims || ONLINE_EXEMPT.has(v.name)) continue;
        const key = `${v.claims.cardNumber}/${v.claims.cardVersion}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const status = statusOf(v);
        const permit = v.claims.kind === 'residence_permit';
        await p.database.db.insert(cards).values({
          holderId: holder!.id,
          kind: v.claims.kind,
          source: 'electronic',
          number: v.claims.cardNumber,
          version: v.claims.cardVersion,
          storedStatus: status === 'revoked' ? 'revoked' : status === 'superseded' ? 'superseded' : 'active',
          issuedOn: '2025-01-10',
          validUntil: permit ? null : v.claims.validUntil,
          // a lapsed endorsement: the window closed 2026-02-10, before the vectors' day
          endorsementDueOn: permit ? (status === 'suspended' ? '2026-01-10' : '2027-01-10') : null,
          residenceCountFrom: '2025-01-10',
          districtCode: '110105',
          streetCode: '110105001',
          ...sealAddress(p.ctx.personal, 'cards', '测试路 1 号'),
          stationId: 'ps-110105-jg',
        });
      }
      for (const c of new Set(file.vectors.flatMap((v) => (v.challenge ? [v.challenge] : [])))) {
        await p.database.db.insert(verifyChallenges).values({
          challenge: c,
          createdAt: new Date(file.vectors[0]!.now),
          expiresAt: new Date('2030-01-01'),
        });
      }
    });
    after(() => p.close());

    test('every vector gives the same result through the library, the CLI and the server', async () => {
      const cli = await Promise.all(file.vectors.map(viaCli));
      for (const [i, v] of file.vectors.entries()) {
        const library = await viaLibrary(v);
        assert.equal(library, v.expected, `${v.name}: library`);
        assert.equal(cli[i], v.expected, `${v.name}: CLI`);
        if (ONLINE_EXEMPT.has(v.name)) continue;
        p.clock.set(new Date(v.now));
        const res = await p.app.inject({
          method: 'POST',
          url: '/api/v1/verify',
          payload: { code: v.code, ...(v.challenge ? { challenge: v.challenge } : {}) },
        });
        assert.equal(res.statusCode, 200, v.name);
        assert.equal(res.json().result, v.expected, `${v.name}: server`);
      }
    });
  });
}
