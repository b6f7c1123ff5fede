// An authorised organisation's key (the police): entered once, kept in this browser, and sent as
// x-verifier-key with each check; the server then answers with the full record and writes the
// look-up, under the organisation's name, into the holder's access log, which the page says.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input } from 'antd-mobile';
import { VERIFIER_KEY_STORAGE } from './check-code.ts';

export function VerifierKeyPanel() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(() => localStorage.getItem(VERIFIER_KEY_STORAGE) !== null);
  const [value, setValue] = useState('');
  return (
    <section className="jz-verify-panel" aria-labelledby="jz-key-title">
      <h2 id="jz-key-title">{t('verify.key.title')}</h2>
      {saved ? (
        <>
          <p className="jz-verify-key-notice">{t('verify.key.holderSees')}</p>
          <Button
            className="jz-verify-button"
            onClick={() => {
              localStorage.removeItem(VERIFIER_KEY_STORAGE);
              setSaved(false);
            }}
          >
            {t('verify.key.remove')}
          </Button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!value.trim()) return;
            localStorage.setItem(VERIFIER_KEY_STORAGE, value.trim());
            setValue('');
            setSaved(true);
          }}
        >
          <p>{t('verify.key.why')}</p>
          <label htmlFor="jz-verify-key" className="jz-verify-label">
            {t('verify.key.label')}
          </label>
          <Input id="jz-verify-key" type="password" value={value} onChange={setValue} autoComplete="off" />
          <Button type="submit" className="jz-verify-button">
            {t('verify.key.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
