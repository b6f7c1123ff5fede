// A camera for Chromium's fake capture (--use-file-for-fake-video-capture): a QR code drawn into
// YUV4MPEG2 frames (I420), as a phone screen would fill part of the picture.
import QRCode from 'qrcode';

export function qrVideo(
  text: string,
  {
    width = 640,
    height = 480,
    frames = 5,
    version,
    moduleSize,
  }: { width?: number; height?: number; frames?: number; version?: number; moduleSize?: number } = {},
): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M', ...(version ? { version } : {}) });
  const n = qr.modules.size;
  // Four modules of quiet zone each side, unless the size of a module is given (a smaller code).
  const scale = moduleSize ?? Math.floor(Math.min(width, height) / (n + 8));
  const x0 = Math.floor((width - n * scale) / 2);
  const y0 = Math.floor((height - n * scale) / 2);
  const luma = Buffer.alloc(width * height, 235); // white
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        luma.fill(
          16,
          (y0 + r * scale + dy) * width + x0 + c * scale,
          (y0 + r * scale + dy) * width + x0 + (c + 1) * scale,
        );
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // no colour
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
