// Materials open from the staff endpoint, which checks the jurisdiction and audits each opening.
// Images are shown inline as <img> (img-src 'self' in our CSP; the cookie goes with a same-origin
// request). A PDF is offered as a link: the endpoint answers `Content-Disposition: attachment` and
// our CSP has `object-src 'none'` and no frame source, so an inline PDF viewer is not possible
// without weakening both; the browser downloads it and opens it in its own viewer.
import { useTranslation } from 'react-i18next';
import { List, Typography } from 'antd';
import type { ApplicationDetail } from '../../src/http/schemas/staff.ts';
import { formatDateTime } from '../shared/format.ts';

export const materialUrl = (applicationId: string, materialId: string) =>
  `/api/v1/staff/applications/${applicationId}/materials/${materialId}`;

export function Materials({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('staff.detail.materialViewed')}</Typography.Paragraph>
      <List
        dataSource={detail.materials}
        locale={{ emptyText: t('staff.detail.none') }}
        renderItem={(m) => {
          const name = t(`staff.enums.material.${m.kind}`);
          return (
            <List.Item>
              <figure className="jz-material">
                {m.contentType.startsWith('image/') ? (
                  <img src={materialUrl(detail.id, m.id)} alt={name} className="jz-material-image" />
                ) : (
                  <a href={materialUrl(detail.id, m.id)} download>
                    {t('staff.detail.openPdf')}
                  </a>
                )}
                <figcaption>
                  {name} · {t('staff.detail.materialRound', { round: m.round + 1 })} ·{' '}
                  {formatDateTime(m.uploadedAt)}
                </figcaption>
              </figure>
            </List.Item>
          );
        }}
      />
    </>
  );
}
