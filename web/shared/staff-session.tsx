// Staff sign-in for the console and the administration pages. The session itself is the HttpOnly
// cookie; what the page keeps (role, station, district, username) is no secret and lives in
// sessionStorage so a reload stays signed in. When the server refuses the cookie the page says
// why in plain words: idle too long (SESSION_EXPIRED) or the account was deactivated. The second
// step takes a TOTP code or a passkey, whichever the account has (SECOND_FACTOR_REQUIRED names them).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import { startAuthentication } from '@simplewebauthn/browser';
import type { StaffSession } from '../../src/http/schemas/auth.ts';
import type { PasskeyLoginOptions } from '../../src/http/schemas/passkeys.ts';
import { ApiError, onSessionEnded, post, type ApiErrorCode } from './api.ts';

export type StaffSignedIn = Omit<Static<typeof StaffSession>, 'token'> & { username: string };
const STORAGE_KEY = 'juzhu.staff';

function saved(): StaffSignedIn | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StaffSignedIn | null;
  } catch {
    return null;
  }
}

/** The signed-in staff member, why the last session ended, and the ways in and out. */
export function useStaffSession() {
  const [session, setSession] = useState<StaffSignedIn | null>(saved);
  const [ended, setEnded] = useState<ApiErrorCode | null>(null);
  useEffect(
    () =>
      onSessionEnded((code) => {
        sessionStorage.removeItem(STORAGE_KEY);
        setSession(null);
        setEnded(code);
      }),
    [],
  );
  const signedIn = useCallback((s: StaffSignedIn) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    setEnded(null);
    setSession(s);
  }, []);
  const logout = useCallback(async () => {
    await post('/auth/logout').catch(() => undefined);
    sessionStorage.removeItem(STORAGE_KEY);
    setEnded(null);
    setSession(null);
  }, []);
  return { session, ended, signedIn, logout };
}

export function StaffLogin({
  ended,
  onSignedIn,
}: {
  ended: ApiErrorCode | null;
  onSignedIn: (s: StaffSignedIn) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server asks for it (SECOND_FACTOR_REQUIRED): the password stays as typed, and
  // the account's methods (totp, passkey) say which ways in to offer.
  const [methods, setMethods] = useState<string[] | null>(null);
  const askCode = methods?.includes('totp') ?? false;
  const askPasskey = methods?.includes('passkey') ?? false;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await post<Static<typeof StaffSession>>('/auth/staff', {
        username,
        password,
        ...(askCode ? { totp: code } : {}),
        session: 'cookie',
      });
      onSignedIn({ ...s, username });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SECOND_FACTOR_REQUIRED' && methods === null) {
        const named = (err.details as { methods?: unknown } | undefined)?.methods;
        setMethods(Array.isArray(named) ? named.filter((m): m is string => typeof m === 'string') : ['totp']);
        return;
      }
      setCode('');
      setError(err instanceof ApiError ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  // The passkey way: options for this account after the password, the browser's ceremony, then
  // the login with the assertion instead of a code (src/services/auth/staff-passkey-login.ts).
  const signInWithPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = await post<PasskeyLoginOptions>('/auth/staff/passkey-options', {
        username,
        password,
      });
      const passkey = await startAuthentication({ optionsJSON }).catch(() => null);
      if (!passkey) {
        setError(t('common.staffLogin.passkeyFailed'));
        return;
      }
      const s = await post<Static<typeof StaffSession>>('/auth/staff', {
        username,
        password,
        passkey,
        session: 'cookie',
      });
      onSignedIn({ ...s, username });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const endedText =
    ended === 'SESSION_EXPIRED'
      ? t('common.staffLogin.expired')
      : ended === 'ACCOUNT_DEACTIVATED'
        ? t('common.staffLogin.deactivated')
        : ended
          ? t('common.errors.sessionEnded')
          : null;

  return (
    <Card title={<h2 className="jz-card-title">{t('common.staffLogin.title')}</h2>} className="jz-login">
      {endedText && (
        <Alert type="warning" showIcon role="alert" title={endedText} style={{ marginBottom: 16 }} />
      )}
      <Form layout="vertical" component="div">
        <form onSubmit={(e) => void submit(e)}>
          <Form.Item label={t('common.staffLogin.username')} htmlFor="jz-username" required>
            <Input
              id="jz-username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('common.staffLogin.password')} htmlFor="jz-password" required>
            <Input
              type="password"
              id="jz-password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Form.Item>
          {askCode && (
            <Form.Item
              label={t('common.staffLogin.code')}
              htmlFor="jz-totp"
              required
              extra={t('common.staffLogin.codeHint')}
            >
              <Input
                id="jz-totp"
                autoFocus
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            </Form.Item>
          )}
          {askPasskey && (
            <p id="jz-passkey-hint">
              {t(askCode ? 'common.staffLogin.passkeyOrCode' : 'common.staffLogin.passkeyHint')}
            </p>
          )}
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Space wrap>
            {(methods === null || askCode) && (
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                disabled={!username || !password || (askCode && code.length !== 6)}
              >
                {t('common.staffLogin.submit')}
              </Button>
            )}
            {askPasskey && (
              <Button
                type={askCode ? 'default' : 'primary'}
                aria-describedby="jz-passkey-hint"
                loading={busy}
                disabled={!username || !password}
                onClick={() => void signInWithPasskey()}
              >
                {t('common.staffLogin.usePasskey')}
              </Button>
            )}
          </Space>
        </form>
      </Form>
    </Card>
  );
}
