// Writes test/vectors/display-codes.json: display codes with the result every verifier (library,
// server, CLI) must give, under a fixed clock. Public keys only; run again to regenerate:
//   node scripts/make-test-vectors.ts
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  allocateStatusIndex,
  buildJwks,
  buildTrustList,
  createStatusList,
  generateSigningKey,
  newDisplayClaims,
  retireSigningKey,
  setStatus,
  signDisplayCode,
  signStatusList,
  signTrustList,
  trustAnchorOf,
  unlockSigner,
} from '../src/credentials/index.ts';
import type { CardFields, DisplayClaims, Signer } from '../src/credentials/index.ts';
import { decodeBase45, encodeBase45 } from '../src/verify/base45.ts';
import { encodeBase64url } from '../src/verify/base64url.ts';
import type { VerificationResult } from '../src/verify/index.ts';
import { CARD } from '../test/verify/fixtures.ts';

const T0 = new Date('2026-03-02T01:00:00Z'); // 09:00 Beijing
const SKEW = 10;
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const kek = randomBytes(32); // thrown away: the vectors need no private key

const anchor = generateSigningKey('ES256', kek, new Date('2026-01-01T00:00:00Z'));
const oldKey = retireSigningKey(
  generateSigningKey('ES256', kek, new Date('2026-01-01T00:00:00Z')),
  at(-120),
  30 * 86_400,
);
const es256 = generateSigningKey('ES256', kek, at(-3600));
const ed25519 = generateSigningKey('EdDSA', kek, at(-3600));
const outsider = generateSigningKey('ES256', kek, at(-3600));
const signer = unlockSigner(es256, kek);
const edSigner = unlockSigner(ed25519, kek);
const oldSigner = unlockSigner(oldKey, kek);
// A key the trust list does not know, and one that lies about its kid.
const outsiderSigner = unlockSigner(outsider, kek);
const impostor: Signer = { ...unlockSigner(generateSigningKey('ES256', kek, T0), kek), kid: es256.kid };

const trustList = signTrustList(
  buildTrustList([oldKey, es256, ed25519], at(-3600), 365 * 86_400),
  unlockSigner(anchor, kek),
);

const list = createStatusList(1);
const index = () => allocateStatusIndex(list)!;
const idx = {
  valid: index(),
  revoked: index(),
  suspended: index(),
  superseded: index(),
  ed: index(),
  old: index(),
};
setStatus(list, idx.revoked, 'revoked');
setStatus(list, idx.suspended, 'suspended');
setStatus(list, idx.superseded, 'superseded');
const STATUS_TTL = 3600;
const statusList = signStatusList(list, signer, {
  uri: 'https://juzhu.example/api/v1/status-lists/1',
  now: at(-600),
  ttlSeconds: STATUS_TTL,
  validitySeconds: 7 * 86_400,
});

const card = (over: Partial<CardFields> = {}): CardFields => ({
  ...CARD,
  statusList: { list: 1, index: idx.valid },
  ...over,
});

interface Vector {
  name: string;
  description: string;
  code: string;
  now: string;
  skewSeconds: number;
  challenge?: string;
  expected: VerificationResult;
  claims?: Record<string, unknown>;
}
const vectors: Vector[] = [];

function add(
  name: string,
  description: string,
  expected: VerificationResult,
  code: string,
  o: { now?: Date; challenge?: string; claims?: DisplayClaims } = {},
) {
  vectors.push({
    name,
    description,
    code,
    now: (o.now ?? at(15)).toISOString(),
    skewSeconds: SKEW,
    ...(o.challenge === undefined ? {} : { challenge: o.challenge }),
    expected,
    ...(o.claims ? { claims: { ...o.claims, codeId: Buffer.from(o.claims.codeId).toString('hex') } } : {}),
  });
}

function issue(s: Signer, fields: CardFields, opts: { now?: Date; challenge?: string } = {}) {
  const claims = newDisplayClaims(
    fields,
    opts.now ?? T0,
    opts.challenge ? { challenge: opts.challenge } : {},
  );
  return { claims, code: signDisplayCode(claims, s) };
}

const valid = issue(signer, card());
add('valid', 'ES256 code, 15 s into its 60 s life, status list says valid', 'valid', valid.code, {
  claims: valid.claims,
});
const ed = issue(
  edSigner,
  card({
    kind: 'registration_card',
    cardNumber: 'JD110108202500042',
    statusList: { list: 1, index: idx.ed },
  }),
);
add('valid_ed25519', 'EdDSA (Ed25519) code', 'valid', ed.code, { claims: ed.claims });
const ch = issue(signer, card(), { challenge: 'K7QX2M9A' });
add('valid_challenge', 'challenge mode, the verifier gives the same challenge', 'valid', ch.code, {
  challenge: 'K7QX2M9A',
  claims: ch.claims,
});
const old = issue(oldSigner, card({ statusList: { list: 1, index: idx.old } }), { now: at(-150) });
add(
  'valid_rotated_key',
  'signed 30 s before its key was retired (rotation), checked 20 s after',
  'valid',
  old.code,
  {
    now: at(-100),
    claims: old.claims,
  },
);
add('expired', 'checked at exp + skew (70 s after issue)', 'expired', valid.code, {
  now: at(70),
  claims: valid.claims,
});
add('not_yet_valid', 'checked 11 s before issue (skew is 10 s)', 'not_yet_valid', valid.code, {
  now: at(-11),
  claims: valid.claims,
});
const bytes = decodeBase45(valid.code.slice(4))!;
bytes[bytes.length - 80]! ^= 0x01; // one bit inside the signed payload
add('tampered', 'one bit of the payload flipped', 'bad_signature', 'JZ1:' + encodeBase45(bytes));
add(
  'wrong_key',
  'signed by another key that claims the trusted kid',
  'bad_signature',
  issue(impostor, card()).code,
);
add(
  'unknown_key',
  'signed by a key the trust list does not hold',
  'unknown_key',
  issue(outsiderSigner, card()).code,
);
// Each status case is its own card, so an online verifier (which reads the card's status from its
// database by number and version) can reproduce every vector too.
const rev = issue(
  signer,
  card({ cardNumber: 'JZ110105202400025', statusList: { list: 1, index: idx.revoked } }),
);
add('revoked', 'status list entry 1 (INVALID)', 'revoked', rev.code, { claims: rev.claims });
const sus = issue(
  signer,
  card({ cardNumber: 'JZ110105202400033', statusList: { list: 1, index: idx.suspended } }),
);
add('suspended', 'status list entry 2 (SUSPENDED): endorsement lapsed', 'suspended', sus.code, {
  claims: sus.claims,
});
const susAtIssue = issue(signer, card({ statusAtIssue: 'suspended' }));
add('suspended_at_issue', 'the code itself says suspended', 'suspended', susAtIssue.code, {
  claims: susAtIssue.claims,
});
const sup = issue(signer, card({ cardVersion: 1, statusList: { list: 1, index: idx.superseded } }));
add('superseded', 'status list entry 3: an older version of a changed card', 'superseded', sup.code, {
  claims: sup.claims,
});
add('wrong_challenge', 'the code carries another challenge', 'challenge_mismatch', ch.code, {
  challenge: 'K7QX2M9B',
  claims: ch.claims,
});
add(
  'missing_challenge',
  'the verifier asks for a challenge the code does not carry',
  'challenge_mismatch',
  valid.code,
  {
    challenge: 'K7QX2M9A',
    claims: valid.claims,
  },
);
const later = issue(signer, card(), { now: at(3600) });
add(
  'status_unknown',
  'the cached status list (issued 10 min before T0, ttl 1 h) is stale',
  'status_unknown',
  later.code,
  {
    now: at(3605),
    claims: later.claims,
  },
);
add('malformed_garbage', 'not a display code at all', 'malformed', 'hello, world');
add(
  'malformed_base45',
  'prefix right, base45 wrong (lower case)',
  'malformed',
  'JZ1:' + valid.code.slice(4).toLowerCase(),
);
add('malformed_truncated', 'the last 9 characters cut off', 'malformed', valid.code.slice(0, -9));
add(
  'malformed_not_cose',
  'valid base45 of bytes that are not COSE_Sign1',
  'malformed',
  'JZ1:' + encodeBase45(randomBytes(40)),
);
add('malformed_too_long', 'over the 1024-character cap', 'malformed', 'JZ1:' + '0'.repeat(1200));
add('unsupported_version', 'a future format version', 'unsupported_version', 'JZ2:' + valid.code.slice(4));

const file = {
  description:
    'juzhu display-code test vectors (format: docs/display-code.md). For each vector, verify `code` at `now` with ' +
    '`skewSeconds` (and `challenge` when present) against `trustList` (verified with `anchors`) and ' +
    '`statusLists`; the result must be `expected`, and `claims` when present (codeId in hex).',
  generatedAt: T0.toISOString(),
  anchors: [trustAnchorOf(anchor)],
  trustList: encodeBase64url(trustList),
  jwks: buildJwks([oldKey, es256, ed25519], T0),
  statusLists: { '1': encodeBase64url(statusList) },
  vectors,
};
const out = new URL('../test/vectors/display-codes.json', import.meta.url);
writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${out.pathname}`);
