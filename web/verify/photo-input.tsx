// A photo of a code (or of a printed confirmation form) read by zxing-wasm. PDFs are not read:
// rasterising a PDF in the browser needs pdfjs-dist (about 1 MB plus a worker), which this page
// does not ship; the page says so and asks for a photo of the form instead.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readQrText } from '../shared/qr-reader.ts';

export function PhotoInput({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  async function read(file: File | undefined) {
    setProblem(undefined);
    if (!file) return;
    if (file.type === 'application/pdf') return setProblem(t('verify.photo.pdf'));
    const text = await readQrText(file).catch(() => undefined);
    if (text) onText(text);
    else setProblem(t('verify.photo.noCode'));
  }
  return (
    <div className="jz-verify-photo">
      <label htmlFor="jz-verify-file" className="jz-verify-label">
        {t('verify.photo.label')}
      </label>
      <input
        id="jz-verify-file"
        type="file"
        accept="image/*,application/pdf"
        onChange={(e) => void read(e.target.files?.[0])}
      />
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
