// Verifier organisations (employers, schools, hospitals, landlords…) and their API keys: register
// one, issue a key (shown once, only its prefix is kept in view), revoke a key. Every change is
// audited by the server.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { VerifierKey } from '../../src/http/schemas/admin.ts';
import { ApiError, del, get, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDateTime } from '../shared/format.ts';

interface Org {
  id: string;
  name: string;
  kind: string;
  fullRecord: boolean;
  createdAt: string;
}
const kinds = ['employer', 'school', 'hospital', 'landlord', 'police', 'other'] as const;
type Message = { type: 'success' | 'error'; text: string } | null;

function OrgKeys({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<VerifierKey[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<VerifierKey | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const load = useCallback(() => {
    void get<VerifierKey[]>(`/admin/verifier-orgs/${org.id}/keys`).then(setKeys);
  }, [org.id]);
  useEffect(() => {
    setIssued(null);
    setMessage(null);
    load();
  }, [load]);
  const fail = (e: unknown) =>
    setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });

  const issue = async () => {
    try {
      const r = await post<{ key: string }>(`/admin/verifier-orgs/${org.id}/keys`);
      setIssued(r.key);
      setMessage(null);
      load();
    } catch (e) {
      fail(e);
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    try {
      await del(`/admin/verifier-keys/${revoking.id}`);
      setIssued(null);
      setMessage({ type: 'success', text: t('admin.verifiers.keyRevoked', { prefix: revoking.prefix }) });
      load();
    } catch (e) {
      fail(e);
    } finally {
      setRevoking(null);
    }
  };
  return (
    <Card
      title={<h3 className="jz-card-title">{t('admin.verifiers.keysOf', { name: org.name })}</h3>}
      style={{ marginTop: 16 }}
    >
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      {issued && (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={t('admin.verifiers.issuedOnce')}
          description={<code className="jz-mono">{issued}</code>}
        />
      )}
      <Button type="primary" onClick={() => void issue()} style={{ marginBottom: 12 }}>
        {t('admin.verifiers.issueKey')}
      </Button>
      <Table<VerifierKey>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={keys}
        locale={{ emptyText: t('admin.verifiers.noKeys') }}
        columns={[
          { key: 'prefix', title: t('admin.verifiers.prefix'), render: (_, k) => <code>{k.prefix}…</code> },
          {
            key: 'created',
            title: t('admin.verifiers.createdAt'),
            render: (_, k) => formatDateTime(k.createdAt),
          },
          {
            key: 'state',
            title: t('admin.verifiers.state'),
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('admin.verifiers.revokedAt', { at: formatDateTime(k.revokedAt) })}</Tag>
              ) : (
                <Tag className="jz-tag-ok">{t('admin.verifiers.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, k) =>
              !k.revokedAt && (
                <Button danger size="small" onClick={() => setRevoking(k)}>
                  {t('admin.verifiers.revoke', { prefix: k.prefix })}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title={t('admin.verifiers.revokeTitle')}
        okText={t('admin.confirm')}
        cancelText={t('admin.cancel')}
        okButtonProps={{ danger: true }}
        onOk={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('admin.verifiers.confirmRevoke', { prefix: revoking?.prefix ?? '' })}</p>
      </Modal>
    </Card>
  );
}

export function Verifiers() {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [selected, setSelected] = useState<Org | null>(null);
  const [form, setForm] = useState({ name: '', kind: undefined as string | undefined, fullRecord: false });
  const [message, setMessage] = useState<Message>(null);
  // From the latest state: two events before a render must not undo each other.
  const patchForm = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const load = useCallback(() => {
    void get<Org[]>('/admin/verifier-orgs').then(setOrgs);
  }, []);
  useEffect(load, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const org = await post<Org>('/admin/verifier-orgs', {
        name: form.name.trim(),
        kind: form.kind,
        fullRecord: form.fullRecord,
      });
      setMessage({ type: 'success', text: t('admin.verifiers.created', { name: org.name }) });
      setForm({ name: '', kind: undefined, fullRecord: false });
      setSelected(org);
      load();
    } catch (err) {
      setMessage({ type: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };

  return (
    <section aria-labelledby="jz-verifiers-heading">
      <Typography.Title level={2} id="jz-verifiers-heading">
        {t('admin.verifiers.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('admin.verifiers.explain')}</Typography.Paragraph>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      <Card
        title={<h3 className="jz-card-title">{t('admin.verifiers.create')}</h3>}
        style={{ marginBottom: 16 }}
      >
        <form onSubmit={(e) => void create(e)}>
          <Space wrap align="end">
            <Field id="jz-org-name" label={t('admin.verifiers.name')}>
              <Input
                value={form.name}
                maxLength={100}
                onChange={(e) => patchForm({ name: e.target.value })}
              />
            </Field>
            <Field id="jz-org-kind" label={t('admin.verifiers.kind')}>
              <Select
                style={{ width: 180 }}
                value={form.kind}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: string) => patchForm({ kind: v })}
                options={kinds.map((k) => ({ value: k, label: t(`admin.verifiers.kinds.${k}`) }))}
              />
            </Field>
            <Checkbox checked={form.fullRecord} onChange={(e) => patchForm({ fullRecord: e.target.checked })}>
              {t('admin.verifiers.fullRecord')}
            </Checkbox>
            <Button type="primary" htmlType="submit" disabled={!form.name.trim() || !form.kind}>
              {t('admin.verifiers.register')}
            </Button>
          </Space>
        </form>
      </Card>
      <Table<Org>
        rowKey="id"
        dataSource={orgs}
        pagination={false}
        locale={{ emptyText: t('admin.verifiers.none') }}
        columns={[
          { key: 'name', title: t('admin.verifiers.name'), dataIndex: 'name' },
          {
            key: 'kind',
            title: t('admin.verifiers.kind'),
            render: (_, o) => t(`admin.verifiers.kinds.${o.kind}`, { defaultValue: o.kind }),
          },
          {
            key: 'fullRecord',
            title: t('admin.verifiers.fullRecord'),
            render: (_, o) => (o.fullRecord ? t('admin.verifiers.yes') : t('admin.verifiers.no')),
          },
          {
            key: 'created',
            title: t('admin.verifiers.createdAt'),
            render: (_, o) => formatDateTime(o.createdAt),
          },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, o) => (
              <Button size="small" aria-pressed={selected?.id === o.id} onClick={() => setSelected(o)}>
                {t('admin.verifiers.keys', { name: o.name })}
              </Button>
            ),
          },
        ]}
      />
      {selected && <OrgKeys org={selected} />}
    </section>
  );
}
