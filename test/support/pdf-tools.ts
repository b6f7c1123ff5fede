// The PDF as a person and a phone see it: poppler's pdftotext (Debian poppler-utils, installed by
// scripts/ensure-test-deps.sh) for the words, pdftoppm for a 200 dpi raster, jsQR for the QR read
// off that raster, like a camera would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

export function pdfPages(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Page 1 rasterised at `dpi`, as PNG bytes. */
export function rasterise(pdf: Buffer, dpi = 200): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'juzhu-pdf-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    execFileSync(
      'pdftoppm',
      ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', 'form.pdf', 'page'],
      {
        cwd: dir,
      },
    );
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// jsqr is CommonJS whose module.exports is the function, while its types declare `export default`:
// under NodeNext, TypeScript reads the default import as that module object.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** The text of the QR found in a PNG, or undefined. */
export function readQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data;
}
