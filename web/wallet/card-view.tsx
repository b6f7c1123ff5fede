// Showing a card: the holder's details, the live QR, a countdown, a large Beijing clock and a
// moving mark a screenshot cannot imitate (essential motion: WCAG 2.2.2 asks no pause for it), a
// warning when the phone's clock is off, and challenge mode (the verifier's challenge bound into
// the code). Nothing here asks the holder to beat a time limit: the code renews by itself.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import QRCode from 'qrcode';
import type { Static } from 'typebox';
import type { Profile } from '../../src/http/schemas/me.ts';
import { formatClock } from '../shared/format.ts';
import { Field } from '../shared/field.tsx';
import { CardSummary, useDistrictNames } from './cards.tsx';
import type { Card } from './card-status.ts';
import { useLiveCode, useServerNow } from './live-code.ts';

const SKEW_WARNING_MS = 30_000;
const CHALLENGE = /^[0-9A-Z]{4,16}$/;

function useQrImage(text: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let current = true;
    // Error correction M: readable from a phone screen held at arm's length, still a small code.
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 600 })
      .then((u) => current && setUrl(u))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [text]);
  return text ? url : undefined;
}

export function CardView({ card, me }: { card: Card; me: Static<typeof Profile> | undefined }) {
  const { t } = useTranslation();
  const districts = useDistrictNames();
  const [challengeInput, setChallengeInput] = useState('');
  const [challenge, setChallenge] = useState<string>();
  const [challengeError, setChallengeError] = useState<string>();
  const live = useLiveCode(card.id, challenge);
  const now = useServerNow(live.offsetMs);
  const image = useQrImage(live.code?.code);

  const expiresAt = live.code ? Date.parse(live.code.expiresAt) : 0;
  const valid = live.code !== undefined && now.getTime() < expiresAt;
  const renewAt = live.code ? Math.min(Date.parse(live.code.issuedAt) + 30_000, expiresAt - 5_000) : 0;
  const secondsToRenew = Math.max(0, Math.ceil((renewAt - now.getTime()) / 1000));
  const skewSeconds = Math.round(Math.abs(live.offsetMs) / 1000);

  const bindChallenge = (event: FormEvent) => {
    event.preventDefault();
    const value = challengeInput.trim().toUpperCase();
    if (!CHALLENGE.test(value)) return setChallengeError(t('wallet.show.challengeInvalid'));
    setChallengeError(undefined);
    setChallenge(value);
  };

  if (live.error?.code === 'CARD_NOT_DISPLAYABLE') {
    return (
      <div className="jz-surface" role="alert">
        <CardSummary card={card} districts={districts} />
        <p>{t('wallet.show.notShowable')}</p>
        <p>{live.error.message}</p>
      </div>
    );
  }

  return (
    <section className="jz-surface jz-show" aria-labelledby="show-heading">
      <h2 id="show-heading" className="jz-visually-hidden">
        {t('wallet.show.heading')}
      </h2>
      <CardSummary card={card} districts={districts}>
        {me?.maskedName && (
          <>
            <dt>{t('wallet.card.holder')}</dt>
            <dd>{card.ward ? card.ward.name : me.maskedName}</dd>
          </>
        )}
        {!card.ward && me?.idNumberTail && (
          <>
            <dt>{t('wallet.card.idTail')}</dt>
            <dd>{me.idNumberTail}</dd>
          </>
        )}
      </CardSummary>
      <div className="jz-qr-frame">
        <div className="jz-live-mark" aria-label={t('wallet.show.liveMark')} role="img" />
        {image && valid ? (
          <img
            className="jz-qr"
            src={image}
            alt={t('wallet.show.qrAlt', { seconds: secondsToRenew })}
            data-code-expires={live.code?.expiresAt}
          />
        ) : (
          <div className="jz-qr jz-qr-waiting" role="status">
            {live.code ? t('wallet.show.expired') : t('wallet.show.refreshing')}
          </div>
        )}
      </div>
      <p className="jz-countdown" aria-live="off">
        {valid ? t('wallet.show.refreshIn', { seconds: secondsToRenew }) : t('wallet.show.refreshing')}
      </p>
      <p className="jz-clock">
        <span className="jz-hint">{t('wallet.show.clock')}</span>{' '}
        <time className="jz-key-figure" dateTime={now.toISOString()}>
          {formatClock(now)}
        </time>
      </p>
      {skewSeconds * 1000 > SKEW_WARNING_MS && (
        <p className="jz-warning" role="status">
          {t('wallet.show.clockSkew', { seconds: skewSeconds })}
        </p>
      )}
      {live.error && (
        <p className="jz-warning" role="status">
          {valid ? t('wallet.show.offline') : live.error.message}
        </p>
      )}
      <form className="jz-challenge" onSubmit={bindChallenge} noValidate>
        <Field
          id="challenge"
          label={t('wallet.show.challenge')}
          hint={t('wallet.show.challengeHint')}
          error={challengeError}
        >
          <input
            className="jz-input"
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={16}
            value={challengeInput}
            onChange={(e) => setChallengeInput(e.target.value.toUpperCase())}
          />
        </Field>
        <Button block type="submit">
          {t('wallet.show.challengeApply')}
        </Button>
        {challenge && <p role="status">{t('wallet.show.challengeBound', { challenge })}</p>}
      </form>
    </section>
  );
}
