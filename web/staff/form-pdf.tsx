// A confirmation form's PDF in the page: drawn by pdf.js (the verifier page's own renderer, loaded
// only when a form is shown) at 300 dpi into a canvas, so every browser shows the same page with no
// PDF plug-in and no framed blob. Print sends that page alone to the printer at A4, 1:1 (the QR
// keeps its 50 mm); the download is the PDF itself, under the form's serial.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Space } from 'antd';

/** A4's long side at 300 dpi: text crisp on paper, the QR's 0.6 mm modules 7 pixels each. */
const PRINT_PX = 3508;

export function FormPdf({ pdf, serial }: { pdf: Blob; serial: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [url, setUrl] = useState<string>();
  const [drawn, setDrawn] = useState<'pending' | 'done' | 'failed'>('pending');

  useEffect(() => {
    const made = URL.createObjectURL(pdf);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [pdf]);

  useEffect(() => {
    let live = true;
    setDrawn('pending');
    void import('../verify/pdf-page.ts')
      .then(({ renderPdfFirstPage }) => renderPdfFirstPage(pdf, PRINT_PX))
      .then((image) => {
        const target = canvas.current;
        if (!live || !target) return;
        if (!image) return setDrawn('failed');
        target.width = image.width;
        target.height = image.height;
        target.getContext('2d')?.putImageData(image, 0, 0);
        setDrawn('done');
      })
      .catch(() => live && setDrawn('failed'));
    return () => {
      live = false;
    };
  }, [pdf]);

  const print = () => {
    // Only this page goes to paper (tokens.css, @media print); window.print() returns when the
    // dialog closes.
    canvas.current?.classList.add('jz-print-this');
    window.print();
    canvas.current?.classList.remove('jz-print-this');
  };

  const title = t('staff.forms.pdfTitle', { serial });
  return (
    <section className="jz-form-pdf" aria-label={title}>
      <Space wrap>
        <Button type="primary" disabled={drawn !== 'done'} onClick={print}>
          {t('staff.forms.print')}
        </Button>
        {url && (
          <Button href={url} download={`confirmation-form-${serial}.pdf`}>
            {t('staff.forms.download')}
          </Button>
        )}
      </Space>
      {drawn === 'pending' && <p role="status">{t('common.loading')}</p>}
      {drawn === 'failed' && <p role="alert">{t('staff.forms.notShown')}</p>}
      <canvas ref={canvas} role="img" aria-label={title} className="jz-form-page" hidden={drawn !== 'done'} />
    </section>
  );
}
