// The special seal (户籍专用章) drawn as vectors: a red ring, the issuing station's name around the
// upper arc, a five-pointed star in the centre and the seal's purpose below it, as Chinese official
// seals are laid out (GA 241-2000 describes the police seals' ring, star and arc text). Vectors,
// not an image, so it prints sharp at any size and cannot be lifted as a bitmap from one form to
// another without redrawing it.
import type {} from 'pdfkit';

const SEAL_RED = '#d0101b';

export function drawSeal(
  doc: PDFKit.PDFDocument,
  fonts: { bold: string },
  at: { x: number; y: number; radius: number },
  arcText: string,
  purpose: string,
): void {
  const { x, y, radius: r } = at;
  doc.save();
  doc
    .lineWidth(r * 0.05)
    .strokeColor(SEAL_RED)
    .fillColor(SEAL_RED);
  doc.circle(x, y, r).stroke();
  drawStar(doc, x, y, r * 0.28);
  // Arc text: each character upright towards the centre, spread over the upper 240° of the ring.
  const chars = [...arcText];
  const span = Math.min(240, 24 * chars.length);
  const size = Math.min(r * 0.24, ((Math.PI * 2 * r * 0.78 * span) / 360 / chars.length) * 0.9);
  doc.font(fonts.bold).fontSize(size);
  chars.forEach((ch, i) => {
    const deg = -span / 2 + (span * (i + 0.5)) / chars.length; // 0° is straight up
    doc.save();
    doc.translate(x, y).rotate(deg);
    const w = doc.widthOfString(ch);
    doc.text(ch, -w / 2, -r * 0.92, { lineBreak: false });
    doc.restore();
  });
  const pSize = r * 0.17;
  doc.font(fonts.bold).fontSize(pSize);
  const pw = doc.widthOfString(purpose);
  doc.text(purpose, x - pw / 2, y + r * 0.42, { lineBreak: false });
  doc.restore();
}

function drawStar(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382; // the regular star's ratio (1/φ²)
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rad = ((i * 36 - 90) * Math.PI) / 180;
    const len = i % 2 === 0 ? outer : inner;
    points.push([cx + len * Math.cos(rad), cy + len * Math.sin(rad)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
}
