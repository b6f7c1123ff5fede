// Noto Sans SC (OFL-1.1) from the npm package @embedpdf/fonts-sc: a clone gets it with `npm ci`, no
// system fonts needed. The package exports no file paths, so they are found beside its entry point.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

/** The OTF bytes, read once per process (about 8 MB each). */
export function notoSansSc(weight: 'Regular' | 'Bold'): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    bytes = readFileSync(join(dir, `NotoSansHans-${weight}.otf`));
    cache.set(weight, bytes);
  }
  return bytes;
}
