// The form's QR as vector squares (bwip-js computes the matrix: ISO/IEC 18004, error correction Q,
// which survives a quarter of the symbol being smudged or folded), drawn into the PDF so it prints
// sharp at any resolution.
import bwipjs from 'bwip-js/node';
import type {} from 'pdfkit';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(x: number, y: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const [symbol] = bwipjs.raw('qrcode', text, 'eclevel=Q');
  if (!symbol || !('pixs' in symbol) || symbol.pixx !== symbol.pixy) throw new RangeError('no QR matrix');
  const { pixs, pixx } = symbol;
  return { size: pixx, dark: (x, y) => pixs[y * pixx + x] === 1 };
}

/** Draws the symbol `side` points wide at (x, y), plus its 4-module quiet zone outside that square. */
export function drawQr(doc: PDFKit.PDFDocument, m: QrMatrix, x: number, y: number, side: number): void {
  const cell = side / m.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < m.size; row++) {
    // Runs of dark modules as one rectangle each: fewer path operators, no hairline gaps.
    let start = -1;
    for (let col = 0; col <= m.size; col++) {
      const dark = col < m.size && m.dark(col, row);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill();
  doc.restore();
}
