// `node bench/seal-cost.ts`: what sealing personal data at rest costs a request, no database:
// microseconds to seal and to open one address detail and one staff note (AES-256-GCM with the
// personal cipher, a new cipher object a value as the platform does), milliseconds to seal and open
// one 2 MiB material (the largest an upload may be), and a resident's notification values (JSON)
// for scale. Each figure is the median of several timed runs after a warm-up.
import { randomBytes } from 'node:crypto';
import { createPersonalCipher } from '../src/crypto/personal-cipher.ts';
import { MAX_MATERIAL_BYTES } from '../src/domain/applications/material-files.ts';

const cipher = createPersonalCipher();
cipher.use({ field: { id: 1, key: randomBytes(32) }, index: randomBytes(32) });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Microseconds a call of `f`, over `n` calls, median of 7 runs. */
function perCallUs(n: number, f: (i: number) => void): number {
  for (let i = 0; i < n; i++) f(i); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) f(i);
    runs.push(((performance.now() - t) * 1000) / n);
  }
  return median(runs);
}

const addresses = Array.from(
  { length: 1000 },
  (_, i) => `幸福里 ${(i % 300) + 1} 号院 ${(i % 9) + 1} 号楼 ${i % 6}0${i % 4}`,
);
const sealed = addresses.map((a) => cipher.seal('cards.address_detail', a));
const params = JSON.stringify({
  type: 'registration_card',
  reason: '住所证明与申报地址不一致',
  number: 'B110105-2025-00000123',
});
const sealedParams = cipher.seal('notifications.params', params);
// A visit's note as the community police write one: a sentence or two.
const note = '1201 室住户为他人，敲门两次，邻居称原住户已于上月搬走，未见租赁合同';
const sealedNote = cipher.seal('visits.note', note);
const file = randomBytes(MAX_MATERIAL_BYTES);
const sealedFile = cipher.sealBytes('blobs.content:00000000-0000-4000-8000-000000000000', file);

const rows: [string, string][] = [
  [
    'address detail: seal',
    `${perCallUs(50_000, (i) => cipher.seal('cards.address_detail', addresses[i % 1000]!)).toFixed(2)} µs`,
  ],
  [
    'address detail: open',
    `${perCallUs(50_000, (i) => cipher.open('cards.address_detail', sealed[i % 1000]!)).toFixed(2)} µs`,
  ],
  [
    'notification values: seal',
    `${perCallUs(50_000, () => cipher.seal('notifications.params', params)).toFixed(2)} µs`,
  ],
  [
    'notification values: open',
    `${perCallUs(50_000, () => void JSON.parse(cipher.open('notifications.params', sealedParams))).toFixed(2)} µs`,
  ],
  ['staff note: seal', `${perCallUs(50_000, () => cipher.seal('visits.note', note)).toFixed(2)} µs`],
  ['staff note: open', `${perCallUs(50_000, () => cipher.open('visits.note', sealedNote)).toFixed(2)} µs`],
  [
    '2 MiB material: seal',
    `${(perCallUs(20, () => cipher.sealBytes('blobs.content:00000000-0000-4000-8000-000000000000', file)) / 1000).toFixed(2)} ms`,
  ],
  [
    '2 MiB material: open',
    `${(perCallUs(20, () => cipher.openBytes('blobs.content:00000000-0000-4000-8000-000000000000', sealedFile)) / 1000).toFixed(2)} ms`,
  ],
];
console.log(`node ${process.version}, ${process.arch}`);
for (const [what, figure] of rows) console.log(`${what.padEnd(28)} ${figure}`);
