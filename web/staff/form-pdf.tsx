// A confirmation form's PDF in the page: the browser's own PDF viewer in a frame (the vectors and
// the embedded font as printed), a Print button that prints that frame, and a download under the
// form's serial. The blob's URL is given back when the form leaves the page.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Space } from 'antd';

export function FormPdf({ pdf, serial }: { pdf: Blob; serial: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const made = URL.createObjectURL(pdf);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [pdf]);
  if (!url) return null;
  const title = t('staff.forms.pdfTitle', { serial });
  return (
    <section className="jz-form-pdf" aria-label={title}>
      <Space wrap>
        <Button type="primary" onClick={() => frame.current?.contentWindow?.print()}>
          {t('staff.forms.print')}
        </Button>
        <Button href={url} download={`confirmation-form-${serial}.pdf`}>
          {t('staff.forms.download')}
        </Button>
      </Space>
      <iframe ref={frame} src={url} title={title} className="jz-form-pdf-frame" />
    </section>
  );
}
