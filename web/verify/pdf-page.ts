// A confirmation form is a one-page A4 PDF (POST /staff/confirmation-forms) with its QR drawn as
// vector paths: pdf.js renders the page to a canvas here, in the browser, and the QR reader reads
// the pixels. pdf.js (pdfjs-dist 6) runs under the pages' CSP as it is: it has no eval, its worker
// is one of our own files (Vite emits it into /assets, script-src 'self' covers a module worker),
// and nothing is fetched from elsewhere: the form embeds its font, so no CMap, standard-font or
// WebAssembly file is asked for (only JPEG 2000 / JBIG2 images would need those). The library and
// its worker (≈ 0.5 MB + 1.3 MB) load only when a PDF is chosen, never with the page.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Long side of the rendered page in pixels: a QR of 57 modules printed 4 cm wide gets ~8 px each. */
const RENDER_PX = 2000;
/** Forms are one page; anything longer than a few pages is not a form. */
const MAX_PAGES = 4;

/**
 * The pixels of a PDF's first page (or undefined when it is not a PDF pdf.js can open), its long
 * side `longSidePx` pixels (the console shows and prints a form at 300 dpi: 3508 px for A4).
 */
export async function renderPdfFirstPage(file: Blob, longSidePx = RENDER_PX): Promise<ImageData | undefined> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1 || doc.numPages > MAX_PAGES) return undefined;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: longSidePx / Math.max(base.width, base.height) });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) return undefined;
    await page.render({ canvas, canvasContext: g, viewport }).promise;
    return g.getImageData(0, 0, canvas.width, canvas.height);
  } catch {
    return undefined;
  } finally {
    await task.destroy();
  }
}
