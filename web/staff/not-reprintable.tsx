// A confirmation form issued before the platform kept its signed proof (migration 0021) cannot be
// drawn again exactly as printed (the server answers 409 FORM_NOT_REPRINTABLE): the row says why in
// words and offers what the clerk can do instead, issue a new form on the document the holder
// presents.
import { useTranslation } from 'react-i18next';
import { Button, Space, Typography } from 'antd';
import type { FormRow } from '../../src/http/schemas/forms.ts';

export function NotReprintable({ row, onIssueNew }: { row: FormRow; onIssueNew: (row: FormRow) => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text type="secondary">{t('staff.forms.notReprintable')}</Typography.Text>
      <Button size="small" onClick={() => onIssueNew(row)}>
        {t('staff.forms.issueNew')}
      </Button>
    </Space>
  );
}
