// The confirmation form as a one-page A4 PDF (R9, DESIGN §2). Everything printed comes from the
// signed claims, so the page and the QR's proof say the same thing. Chinese text is set in Noto
// Sans SC from the npm package @embedpdf/fonts-sc, embedded as a subset (pdfkit + fontkit 2, which
// write correct CID-keyed CFF subsets); the QR and the seal are vector paths.
import PDFDocument from 'pdfkit';
import type { FormClaims } from '../../verify/index.ts';
import { FORM_QR_SIDE_MM } from '../../credentials/index.ts';
import { drawSeal } from './draw-seal.ts';
import { notoSansSc } from './font-files.ts';
import { formLabels, printable } from './form-text.ts';
import { drawQr, qrMatrix } from './qr-modules.ts';

const MM = 72 / 25.4;

export async function renderConfirmationForm(claims: FormClaims, code: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: { Title: '北京市居住证（卡）确认单', Subject: claims.serial, Creator: 'juzhu' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('R', notoSansSc('Regular'));
  doc.registerFont('B', notoSansSc('Bold'));
  const L = formLabels(claims);
  const left = 25 * MM;
  const width = 595.28 - 2 * left;

  // Header: serial, title, subtitle, a double rule as on printed government forms.
  doc.font('R').fontSize(9).fillColor('#000');
  doc.text(`编号 No. ${claims.serial}`, left, 18 * MM, { width, align: 'right' });
  doc
    .font('B')
    .fontSize(22)
    .text('北京市居住证（卡）确认单', left, 28 * MM, { width, align: 'center' });
  doc.font('R').fontSize(9).fillColor('#444');
  doc.text('Beijing Residence Permit (Card) Confirmation Form', left, 38 * MM, { width, align: 'center' });
  doc
    .fillColor('#000')
    .lineWidth(1.2)
    .moveTo(left, 45 * MM)
    .lineTo(left + width, 45 * MM)
    .stroke();
  doc
    .lineWidth(0.4)
    .moveTo(left, 46 * MM)
    .lineTo(left + width, 46 * MM)
    .stroke();

  // The table: label cells shaded, values beside them; the photo cell spans the first rows.
  const rowH = 11 * MM;
  const labelW = 26 * MM;
  const photoW = 32 * MM;
  let y = 52 * MM;
  const cell = (x: number, w: number, label: string | null, value: string, h = rowH) => {
    doc.lineWidth(0.6).rect(x, y, w, h).stroke();
    if (label !== null) {
      doc.save().rect(x, y, labelW, h).fillAndStroke('#f1f1f1', '#000').restore();
      doc
        .font('B')
        .fontSize(10.5)
        .text(label, x, y + h / 2 - 6.5, { width: labelW, align: 'center' });
    }
    const vx = label === null ? x : x + labelW;
    const text = printable(value).text;
    const room = w - (vx - x) - 12;
    // Long addresses shrink to fit one line rather than being cut: every signed character prints.
    let size = 11;
    while (size > 6 && doc.font('R').fontSize(size).widthOfString(text) > room) size -= 0.5;
    doc.text(text, vx + 6, y + h / 2 - size * 0.62, { width: room, lineBreak: false });
  };
  const tableW = width - photoW;
  const half = tableW / 2;
  const rows: [string, string, string, string][] = [
    ['姓　　名', claims.holder.name, '性　　别', L.sex],
    ['民　　族', L.ethnicity, '出生日期', L.birthDate],
    ['身份号码', claims.holder.idNumber, '核验证件', L.evidence],
  ];
  const photoTop = y;
  for (const [l1, v1, l2, v2] of rows) {
    cell(left, half, l1, v1);
    cell(left + half, half, l2, v2);
    y += rowH;
  }
  doc
    .lineWidth(0.6)
    .rect(left + tableW, photoTop, photoW, 3 * rowH)
    .stroke();
  doc.font('R').fontSize(8).fillColor('#666');
  doc.text('照片\n以居民身份证\n所载为准', left + tableW, photoTop + 1.1 * rowH, {
    width: photoW,
    align: 'center',
  });
  doc.fillColor('#000');
  const wide: [string, string][] = [
    ['户籍地址', L.hukouAddress],
    ['居住地址', claims.holder.residenceAddress],
  ];
  for (const [l, v] of wide) {
    cell(left, width, l, v);
    y += rowH;
  }
  const cardRows: [string, string, string, string][] = [
    ['证件种类', L.kind, '证件状态', L.status],
    ['证件号码', `${claims.card.number}（第${claims.card.version}版）`, '有效期至', L.validUntil],
    ['签发机关', claims.card.issuingAuthority, '签发日期', L.cardIssuedOn],
  ];
  for (const [l1, v1, l2, v2] of cardRows) {
    cell(left, width / 2, l1, v1);
    cell(left + width / 2, width / 2, l2, v2);
    y += rowH;
  }

  // The statement, then who issued it and when.
  y += 8 * MM;
  doc.font('R').fontSize(11).text(L.statement, left, y, { width, lineGap: 5 });
  y = doc.y + 6 * MM;
  if (L.notes.length > 0) {
    doc.fontSize(8.5).fillColor('#444').text(L.notes.join('\n'), left, y, { width, lineGap: 2 });
    doc.fillColor('#000');
  }

  const qrSide = FORM_QR_SIDE_MM * MM;
  const bottom = 297 * MM - 30 * MM;
  const qrTop = bottom - qrSide;
  drawQr(doc, qrMatrix(code), left, qrTop, qrSide);
  doc
    .font('R')
    .fontSize(8)
    .text('扫码核验真伪及证件当前状态', left, bottom + 2 * MM, {
      width: qrSide,
      align: 'center',
    });
  // Who issued it and when, with the seal stamped over the end of those lines as a real stamp is.
  const infoX = left + qrSide + 10 * MM;
  const infoW = left + width - infoX;
  doc.font('R').fontSize(11).fillColor('#000');
  doc.text(`出具单位：${claims.stationName}`, infoX, qrTop + 12 * MM, { width: infoW });
  doc.text(`出具时间：${L.issuedAt}`, infoX, qrTop + 20 * MM, { width: infoW });
  doc.text('持证人签收：', infoX, qrTop + 34 * MM, { width: infoW });
  doc
    .lineWidth(0.5)
    .moveTo(infoX + 24 * MM, qrTop + 38.5 * MM)
    .lineTo(infoX + 60 * MM, qrTop + 38.5 * MM)
    .stroke();
  doc.fillOpacity(0.88);
  drawSeal(
    doc,
    { bold: 'B' },
    { x: left + width - 24 * MM, y: qrTop + 18 * MM, radius: 21 * MM },
    L.sealArc,
    '户籍专用章',
  );
  doc.fillOpacity(1);
  doc.font('R').fontSize(7.5).fillColor('#666');
  doc.text(L.footer, left, 297 * MM - 14 * MM, { width, align: 'center' });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
