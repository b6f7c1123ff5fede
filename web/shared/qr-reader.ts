// Reads QR codes with zxing-wasm (the maintained decoder that works on every browser; native
// BarcodeDetector is missing on iOS Safari and Firefox). Its WebAssembly comes from our own server
// (src/http/plugins/web-pages.ts serves it from node_modules): by default zxing-wasm fetches it
// from a CDN, which many government networks and these machines do not reach.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

export const ZXING_WASM_PATH = '/wasm/zxing_reader.wasm';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? ZXING_WASM_PATH : prefix + path),
  },
});

const options: ReaderOptions = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };

/** The text of the first QR code in an image (a camera frame, a photo), or undefined. */
export async function readQrText(image: Blob | ImageData): Promise<string | undefined> {
  const start = performance.now();
  const [first] = await readBarcodes(image, options);
  // A User Timing entry per decode (bench/web-pages.ts reads them; nothing else does).
  performance.measure(first?.isValid ? 'jz-qr-decode' : 'jz-qr-miss', { start });
  return first?.isValid ? first.text : undefined;
}
