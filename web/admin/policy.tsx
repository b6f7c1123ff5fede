// The policy in force, read-only: each value, its default, and where it comes from (the default of
// the regulations or the operator's JUZHU_POLICY_FILE). Changing it is a deployment, not a click.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Table, Tag, Typography } from 'antd';
import type { PolicyInForce } from '../../src/http/schemas/admin.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';

type Setting = PolicyInForce['settings'][number];
const show = (v: string | number) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : String(v);

export function Policy() {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState<PolicyInForce | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<PolicyInForce>('/admin/policy')
      .then(setPolicy)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  return (
    <section aria-labelledby="jz-policy-heading">
      <Typography.Title level={2} id="jz-policy-heading">
        {t('admin.policy.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('admin.policy.explain')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {policy && (
        <>
          <p role="status">
            {policy.file ? t('admin.policy.fromFile', { file: policy.file }) : t('admin.policy.noFile')}
          </p>
          <Table<Setting>
            rowKey="name"
            dataSource={policy.settings}
            pagination={false}
            columns={[
              {
                key: 'label',
                title: t('admin.policy.setting'),
                render: (_, s) => (
                  <>
                    {t(`admin.policy.names.${s.name}`, { defaultValue: s.name })} <code>{s.name}</code>
                  </>
                ),
              },
              {
                key: 'value',
                title: t('admin.policy.value'),
                render: (_, s) => <strong>{show(s.value)}</strong>,
              },
              { key: 'default', title: t('admin.policy.default'), render: (_, s) => show(s.default) },
              {
                key: 'source',
                title: t('admin.policy.source'),
                render: (_, s) =>
                  s.source === 'file' ? (
                    <Tag className="jz-tag-due">{t('admin.policy.sourceFile')}</Tag>
                  ) : (
                    <Tag>{t('admin.policy.sourceDefault')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
