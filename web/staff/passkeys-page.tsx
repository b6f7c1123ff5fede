// The signed-in member's passkeys (issue 9): the list, adding one (the server's creation options,
// the browser's ceremony, @simplewebauthn/browser bundled, the attestation sent back), and
// removing one after a confirmation.
// The member's own account only; any staff role.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Input, Modal, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { startRegistration } from '@simplewebauthn/browser';
import type { Passkey, PasskeyRegistrationOptions } from '../../src/http/schemas/passkeys.ts';
import { ApiError, del, get, post } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';

export function PasskeysPage() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<Passkey[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What the last action did (a passkey added or removed), said once. */
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(() => {
    get<Passkey[]>('/staff/me/passkeys').then(setKeys, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const optionsJSON = await post<PasskeyRegistrationOptions>('/staff/me/passkeys/options');
      const response = await startRegistration({ optionsJSON }).catch(() => null);
      if (!response) {
        setError(t('staff.passkeys.failed'));
        return;
      }
      const key = await post<Passkey>('/staff/me/passkeys', { name: name.trim(), response });
      setNotice(t('staff.passkeys.added', { name: key.name }));
      setName('');
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const remove = (key: Passkey) =>
    Modal.confirm({
      title: t('staff.passkeys.remove'),
      content: t('staff.passkeys.confirmRemove', { name: key.name }),
      okText: t('staff.passkeys.removeConfirm'),
      okButtonProps: { danger: true },
      cancelText: t('staff.passkeys.cancel'),
      onOk: async () => {
        setError(null);
        setNotice(null);
        try {
          await del(`/staff/me/passkeys/${key.id}`);
          setNotice(t('staff.passkeys.removed', { name: key.name }));
        } catch (err) {
          setError(err instanceof ApiError ? err.message : t('common.errors.unexpected'));
        }
        reload();
      },
    });

  const columns: TableProps<Passkey>['columns'] = [
    { key: 'name', title: t('staff.passkeys.colName'), render: (_, k) => k.name },
    {
      key: 'createdAt',
      title: t('staff.passkeys.colCreated'),
      render: (_, k) => formatDateTime(k.createdAt),
    },
    {
      key: 'lastUsedAt',
      title: t('staff.passkeys.colLastUsed'),
      render: (_, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('staff.passkeys.never')),
    },
    {
      key: 'actions',
      title: t('staff.passkeys.colActions'),
      render: (_, k) => (
        <Button
          size="small"
          danger
          aria-label={`${t('staff.passkeys.remove')} ${k.name}`}
          onClick={() => remove(k)}
        >
          {t('staff.passkeys.remove')}
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="jz-passkeys-heading">
      <Typography.Title level={2} id="jz-passkeys-heading">
        {t('staff.passkeys.heading')}
      </Typography.Title>
      <p>{t('staff.passkeys.intro')}</p>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {notice && <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 12 }} />}
      <Table<Passkey>
        rowKey="id"
        columns={columns}
        dataSource={keys ?? []}
        loading={keys === null}
        pagination={false}
        locale={{ emptyText: t('staff.passkeys.none') }}
        style={{ marginBottom: 16 }}
      />
      <Form layout="vertical" component="div">
        <form onSubmit={(e) => void add(e)}>
          <Form.Item label={t('staff.passkeys.name')} htmlFor="jz-passkey-name" required>
            <Input
              id="jz-passkey-name"
              maxLength={64}
              placeholder={t('staff.passkeys.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={name.trim() === ''}>
            {t('staff.passkeys.add')}
          </Button>
        </form>
      </Form>
    </section>
  );
}
