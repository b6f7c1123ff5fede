// A photo of a code, or a confirmation form's PDF, read by zxing-wasm. A PDF's first page is
// rendered in the browser by pdf.js (pdf-page.ts, loaded only then) and read like a photo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readQrText } from '../shared/qr-reader.ts';

async function isPdf(file: File): Promise<boolean> {
  if (file.type === 'application/pdf') return true;
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

export function PhotoInput({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);
  async function read(file: File | undefined) {
    setProblem(undefined);
    if (!file) return;
    if (await isPdf(file)) {
      setReading(true);
      try {
        const { renderPdfFirstPage } = await import('./pdf-page.ts');
        const page = await renderPdfFirstPage(file);
        const text = page && (await readQrText(page).catch(() => undefined));
        if (text) onText(text);
        else setProblem(t('verify.photo.pdf'));
      } catch {
        setProblem(t('verify.photo.pdf')); // the chunk did not load (offline before it was cached)
      } finally {
        setReading(false);
      }
      return;
    }
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
      {reading && <p role="status">{t('verify.photo.reading')}</p>}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
