// The display-code signing keys with their windows, as verifiers see them (the published JWKS:
// signs until, verifies until), and the rotation: a new key signs from now, the old one keeps
// verifying the codes it signed until they expire.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { ApiError, post } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';

/** The members of a published key the page reads (RFC 7517 plus our signing window, jz_sign_until). */
interface PublishedJwk {
  kid: string;
  alg: string;
  nbf: number;
  exp?: number;
  jz_sign_until?: number;
}

const at = (sec: number | undefined) => (sec === undefined ? '—' : formatDateTime(new Date(sec * 1000)));

export function SigningKeys() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<PublishedJwk[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    // The JWKS is public and lives outside /api/v1, where JWKS clients look for it.
    void fetch('/.well-known/jwks.json', { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ keys: PublishedJwk[] }>)
      .then((j) => setKeys(j.keys));
  }, []);
  useEffect(load, [load]);

  const rotate = async () => {
    setBusy(true);
    try {
      const r = await post<{ kid: string; retired: string[] }>('/admin/keys/rotate', {});
      setMessage({ type: 'success', text: t('admin.keys.rotated', { kid: r.kid }) });
      load();
    } catch (e) {
      setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };

  // The newest key signs; the others only verify the codes they signed until those expire.
  const newest = keys.reduce<PublishedJwk | undefined>((a, k) => (!a || k.nbf > a.nbf ? k : a), undefined);
  return (
    <section aria-labelledby="jz-keys-heading">
      <Typography.Title level={2} id="jz-keys-heading">
        {t('admin.keys.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('admin.keys.explain')}</Typography.Paragraph>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" onClick={() => setConfirm(true)} style={{ marginBottom: 12 }}>
        {t('admin.keys.rotate')}
      </Button>
      <Table<PublishedJwk>
        rowKey="kid"
        dataSource={keys}
        pagination={false}
        columns={[
          { key: 'kid', title: t('admin.keys.kid'), render: (_, k) => <code>{k.kid}</code> },
          { key: 'alg', title: t('admin.keys.alg'), dataIndex: 'alg' },
          { key: 'nbf', title: t('admin.keys.from'), render: (_, k) => at(k.nbf) },
          { key: 'sign', title: t('admin.keys.signsUntil'), render: (_, k) => at(k.jz_sign_until) },
          { key: 'exp', title: t('admin.keys.verifiesUntil'), render: (_, k) => at(k.exp) },
          {
            key: 'state',
            title: t('admin.keys.state'),
            render: (_, k) =>
              k.kid === newest?.kid ? (
                <Tag className="jz-tag-ok">{t('admin.keys.signing')}</Tag>
              ) : (
                <Tag>{t('admin.keys.verifyOnly')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={confirm}
        title={t('admin.keys.rotate')}
        okText={t('admin.confirm')}
        cancelText={t('admin.cancel')}
        confirmLoading={busy}
        onOk={() => void rotate()}
        onCancel={() => setConfirm(false)}
      >
        <p>{t('admin.keys.confirmRotate')}</p>
      </Modal>
    </section>
  );
}
