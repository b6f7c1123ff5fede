// 谁查看了我的证件 (GET /me/access-log): every check of the holder's cards and every confirmation form
// printed, in plain words: who (the organisation's kind and name, or "an anonymous verifier"), when,
// which card, what they were told, and whether they saw the full record (DESIGN §3).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Static } from 'typebox';
import type { AccessLogEntry } from '../../src/http/schemas/me.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';

type Entry = Static<typeof AccessLogEntry>;

export function AccessLog() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>();
  const [error, setError] = useState<string>();
  const load = () => {
    setError(undefined);
    get<Entry[]>('/me/access-log')
      .then(setEntries)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  useEffect(load, []);

  const who = (e: Entry) => {
    if (e.verifier === 'anonymous' || !e.verifierKind) return t('wallet.accessLog.anonymous');
    const kindKey = `wallet.accessLog.kind.${e.verifierKind}`;
    const kind = i18n.exists(kindKey) ? t(kindKey) : t('wallet.accessLog.kind.other');
    return t('wallet.accessLog.who', { kind, name: e.verifier });
  };
  const result = (e: Entry) => {
    const key = `wallet.accessLog.result.${e.result}`;
    return i18n.exists(key) ? t(key) : e.result;
  };

  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('wallet.accessLog.heading')}</h2>
      <p>{t('wallet.accessLog.intro')}</p>
      {error && (
        <div className="jz-surface" role="alert">
          <p>{error}</p>
          <Button onClick={load}>{t('common.retry')}</Button>
        </div>
      )}
      {!entries && !error && <p role="status">{t('common.loading')}</p>}
      {entries?.length === 0 && <p className="jz-surface">{t('wallet.accessLog.empty')}</p>}
      <ol className="jz-card-list" aria-label={t('wallet.accessLog.heading')}>
        {entries?.map((e, i) => (
          <li key={`${e.at}-${i}`} className="jz-surface jz-access">
            <h3 className="jz-card-kind">{who(e)}</h3>
            <dl className="jz-facts">
              <dt>{t('wallet.accessLog.when')}</dt>
              <dd>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </dd>
              <dt>{t('wallet.accessLog.card')}</dt>
              <dd>{e.cardNumber}</dd>
              <dt>{t('wallet.accessLog.outcome')}</dt>
              <dd>{result(e)}</dd>
            </dl>
            <p className={e.fullRecord ? 'jz-advice' : 'jz-hint'}>
              {e.fullRecord ? t('wallet.accessLog.fullRecord') : t('wallet.accessLog.publicOnly')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
