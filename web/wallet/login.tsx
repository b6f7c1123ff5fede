// Phone + one-time code (DESIGN §5: POST /auth/otp, then /auth/otp/verify). The session comes back
// as an HttpOnly cookie, never as a token the page holds.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Static } from 'typebox';
import type { OtpSent, ResidentSession } from '../../src/http/schemas/auth.ts';
import { ApiError, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';

const RESEND_SECONDS = 60; // the server allows one code a minute per phone

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({});

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    if (!/^1[3-9]\d{9}$/.test(phone)) return setErrors({ phone: t('wallet.login.phoneInvalid') });
    setBusy(true);
    try {
      await post<Static<typeof OtpSent>>('/auth/otp', { phone });
      setSentTo(phone);
      setWait(RESEND_SECONDS);
      setErrors({});
    } catch (e) {
      setErrors({ phone: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sentTo) return void sendCode();
    if (!/^\d{6}$/.test(code)) return setErrors({ code: t('wallet.login.codeInvalid') });
    setBusy(true);
    try {
      await post<Static<typeof ResidentSession>>('/auth/otp/verify', {
        phone: sentTo,
        code,
        session: 'cookie',
      });
      onSignedIn();
    } catch (e) {
      setErrors({ code: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="jz-surface" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('wallet.login.heading')}</h2>
      <Field
        id="phone"
        label={t('wallet.login.phone')}
        hint={t('wallet.login.phoneHint')}
        error={errors.phone}
      >
        <input
          className="jz-input"
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
        />
      </Field>
      <Button block color="default" disabled={busy || wait > 0} onClick={() => void sendCode()}>
        {wait > 0 ? t('wallet.login.resendIn', { seconds: wait }) : t('wallet.login.sendCode')}
      </Button>
      {sentTo && (
        <p role="status" className="jz-hint">
          {t('wallet.login.codeSent', { phone: `${sentTo.slice(0, 3)}****${sentTo.slice(-4)}` })}
        </p>
      )}
      <Field id="otp" label={t('wallet.login.code')} error={errors.code}>
        <input
          className="jz-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
      </Field>
      <Button block type="submit" color="primary" loading={busy} disabled={!sentTo}>
        {t('wallet.login.submit')}
      </Button>
    </form>
  );
}
