// Display codes in process: issuing and verifying against raw crypto with the same key, against
// other verifiers of the same claims, and the QR version each format needs (level M).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import QRCode from 'qrcode';
import { nodeSignatureCheck } from '../src/credentials/node-signature-check.ts';
import { p1363ToDer } from '../src/credentials/ecdsa-signature-encoding.ts';
import { openPrivateKey } from '../src/credentials/seal-private-key.ts';
import { newDisplayClaims, signDisplayCode } from '../src/credentials/sign-display-code.ts';
import { generateSigningKey, sealingContext, trustedKeyOf } from '../src/credentials/signing-key.ts';
import type { SigningAlg } from '../src/credentials/signing-key.ts';
import { unlockSigner } from '../src/credentials/unlock-signer.ts';
import { decodeBase45 } from '../src/verify/base45.ts';
import { decodeBase64url } from '../src/verify/base64url.ts';
import { parseSign1, sigStructure } from '../src/verify/cose-sign1.ts';
import { verifyDisplayCode } from '../src/verify/index.ts';
import type { OfflineContext, StatusListSnapshot, VerificationOutcome } from '../src/verify/index.ts';
import { compare, table } from './measure.ts';
import { CARD as SAMPLE_CARD } from '../test/verify/fixtures.ts';
import { dccStyleFormat, jwsFormat, sdJwtFormat } from './other-formats.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
// The suite's sample card, in status list 1.
const CARD = { ...SAMPLE_CARD, statusList: { list: 1, index: 101_234 } };

function setUp(alg: SigningAlg) {
  const kek = new Uint8Array(32).fill(3);
  const record = generateSigningKey(alg, kek, new Date(NOW.getTime() - 3600_000));
  const signer = unlockSigner(record, kek);
  // The very key the signer holds, for the raw-crypto baselines.
  const privateKey = createPrivateKey({
    key: openPrivateKey(record.encryptedPrivateKey, kek, sealingContext(record.kid, alg)),
    format: 'der',
    type: 'pkcs8',
  });
  const claims = newDisplayClaims(CARD, NOW);
  const code = signDisplayCode(claims, signer);
  const parts = parseSign1(decodeBase45(code.slice(4))!)!;
  const data = sigStructure(parts.protectedBytes, parts.payload);
  const trusted = trustedKeyOf(record);
  const snapshot: StatusListSnapshot = {
    list: 1,
    uri: 'https://juzhu.example/api/v1/status-lists/1',
    bits: 2,
    statuses: new Uint8Array(32_768),
    issuedAt: NOW.getTime() / 1000 - 60,
    expiresAt: null,
    ttl: 3600,
    kid: record.kid,
  };
  const ctx: OfflineContext = {
    trustList: { issuedAt: 0, expiresAt: NOW.getTime() / 1000 + 86_400, keys: [trusted] },
    statusLists: () => snapshot,
    now: new Date(NOW.getTime() + 5000),
    skewSeconds: 10,
  };
  // The fastest raw calls with the same key: the bare KeyObject, so DER for ECDSA (an options
  // object costs a full key preparation per call in Node 24, which would flatter us).
  const publicKey = createPublicKey(privateKey);
  const sig = parts.signature;
  const sigDer = alg === 'ES256' ? p1363ToDer(sig) : sig;
  const rawSign =
    alg === 'ES256'
      ? // the fastest raw call: the bare KeyObject (DER out); the options form is twice as slow
        () => sign('sha256', data, privateKey)
      : () => sign(null, data, privateKey);
  const rawVerify =
    alg === 'ES256'
      ? () => verify('sha256', data, publicKey, sigDer)
      : () => verify(null, data, publicKey, sig);
  return { record, signer, privateKey, claims, code, ctx, rawSign, rawVerify };
}

const expectValid = (o: VerificationOutcome) => {
  if (o.result !== 'valid') throw new Error(`bench code verified as ${o.result}`);
};

export async function benchCredentials({ seconds }: { seconds: number }): Promise<void> {
  const rows: (string | number)[][] = [];
  const verifiers: (string | number)[][] = [];
  const es = setUp('ES256');
  const ed = setUp('EdDSA');
  const nodeCtx = { ...es.ctx, checkSignature: nodeSignatureCheck };
  expectValid(await verifyDisplayCode(es.code, es.ctx));
  expectValid(await verifyDisplayCode(es.code, nodeCtx));

  for (const [alg, s] of [
    ['ES256', es],
    ['EdDSA', ed],
  ] as const) {
    const issue = () => signDisplayCode(newDisplayClaims(CARD, NOW), s.signer);
    const c = await compare(seconds, issue, s.rawSign);
    rows.push([
      `issue ${alg}: newDisplayClaims + signDisplayCode`,
      c.ours,
      `crypto.sign ${fmt(c.baseline)}/s`,
      c.ratio,
    ]);
  }
  const verifyWeb = async () => expectValid(await verifyDisplayCode(es.code, es.ctx));
  const verifyNode = async () => expectValid(await verifyDisplayCode(es.code, nodeCtx));
  const web = await compare(seconds, verifyWeb, es.rawVerify);
  const node = await compare(seconds, verifyNode, es.rawVerify);
  rows.push([
    'verify ES256: library, WebCrypto (browser path)',
    web.ours,
    `crypto.verify ${fmt(web.baseline)}/s`,
    web.ratio,
  ]);
  rows.push([
    'verify ES256: library, Node crypto (server path)',
    node.ours,
    `crypto.verify ${fmt(node.baseline)}/s`,
    node.ratio,
  ]);
  const edCtx = { ...ed.ctx, checkSignature: nodeSignatureCheck };
  const edNode = await compare(
    seconds,
    async () => expectValid(await verifyDisplayCode(ed.code, edCtx)),
    ed.rawVerify,
  );
  rows.push([
    'verify EdDSA: library, Node crypto',
    edNode.ours,
    `crypto.verify ${fmt(edNode.baseline)}/s`,
    edNode.ratio,
  ]);

  const kid = decodeBase64url(es.record.kid)!;
  const others = [
    await jwsFormat(es.claims, es.privateKey),
    await sdJwtFormat(es.claims, es.privateKey),
    dccStyleFormat(es.claims, es.privateKey, kid),
  ];
  for (const f of others) {
    await f.verify(); // throws if the comparison is broken
    const vsWeb = await compare(seconds, verifyWeb, f.verify);
    const vsNode = await compare(seconds, verifyNode, f.verify);
    verifiers.push([f.name, vsWeb.baseline, vsWeb.ratio, vsNode.ratio]);
  }

  const withChallenge = signDisplayCode(newDisplayClaims(CARD, NOW, { challenge: 'K7QX2M9A' }), es.signer);
  const qr = [
    ['juzhu display code (JZ1:, base45)', es.code],
    ['juzhu display code with challenge', withChallenge],
    ['juzhu display code, EdDSA', ed.code],
    ...others.map((f) => [f.name, f.text]),
  ].map(([name, text]) => [name!, text!.length, qrMode(text!), qrVersion(text!)]);

  console.log(
    `\nDisplay codes in process, Node ${process.version}: one call at a time, counted per CPU-second`,
  );
  console.log(
    `of this process; each ratio the median of 10 alternating rounds, ${seconds} s a side in all\n`,
  );
  console.log(table(['operation', 'ops/s', 'baseline, same key', 'ratio'], rows));
  console.log(
    '\nVerifiers of the same claims, ES256, same key (ours: full offline check incl. status list)\n',
  );
  console.log('(ratios are medians of per-round ratios, so they need not equal a quotient of the medians)\n');
  console.log(table(['verifier', 'verified/s', 'ours WebCrypto ÷ it', 'ours Node crypto ÷ it'], verifiers));
  console.log('\nQR code for the same claims, error correction M\n');
  console.log(table(['format', 'characters', 'QR mode', 'QR version'], qr));
}

function qrVersion(text: string): string {
  try {
    return String(QRCode.create(text, { errorCorrectionLevel: 'M' }).version);
  } catch {
    return '> 40 (does not fit)';
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const qrMode = (text: string) => (/^[0-9A-Z $%*+\-./:]+$/.test(text) ? 'alphanumeric' : 'byte');
