// Setting up an account's second factor (TOTP, issue 9): the administrator confirms (a new secret
// replaces the old one, and the old codes stop working), the server answers the secret once, and
// this dialog shows it as a QR code for the officer's authenticator app and as text for typing by
// hand. It is never shown again: the dialog says so, and closing it forgets it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import type { Static } from 'typebox';
import type { Staff, TotpEnrolment } from '../../src/http/schemas/admin.ts';
import { ApiError, post } from '../shared/api.ts';

type StaffRow = Static<typeof Staff>;

export function SecondFactorEnrolment({
  account,
  onClose,
}: {
  account: StaffRow;
  /** Called when the dialog closes; `enrolled` when a secret was issued. */
  onClose: (enrolled: boolean) => void;
}) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enrolment) return;
    let live = true;
    void QRCode.toDataURL(enrolment.uri, { errorCorrectionLevel: 'M', margin: 4, width: 240 }).then(
      (url) => live && setImage(url),
    );
    return () => {
      live = false;
    };
  }, [enrolment]);

  const enrol = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await post<TotpEnrolment>(`/admin/staff/${account.id}/totp`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const title = `${t('admin.staff.secondFactor.setUp')} · ${account.username}`;
  if (!enrolment) {
    return (
      <Modal
        open
        title={title}
        okText={t('admin.staff.secondFactor.issue')}
        cancelText={t('admin.cancel')}
        confirmLoading={busy}
        onOk={() => void enrol()}
        onCancel={() => onClose(false)}
      >
        <Typography.Paragraph>
          {t(
            account.secondFactor
              ? 'admin.staff.secondFactor.replaceExplain'
              : 'admin.staff.secondFactor.explain',
            { username: account.username },
          )}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={title}
      okText={t('admin.staff.secondFactor.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      onOk={() => onClose(true)}
      onCancel={() => onClose(true)}
    >
      <Alert
        type="warning"
        showIcon
        title={t('admin.staff.secondFactor.onlyOnce')}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph>{t('admin.staff.secondFactor.scan')}</Typography.Paragraph>
      {image && (
        <img
          src={image}
          width={240}
          height={240}
          alt={t('admin.staff.secondFactor.qrAlt', { username: account.username })}
        />
      )}
      <Typography.Paragraph>
        {t('admin.staff.secondFactor.secretLabel')}{' '}
        <Typography.Text code copyable aria-label={t('admin.staff.secondFactor.secretLabel')}>
          {enrolment.secret}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
