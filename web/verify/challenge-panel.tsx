// Challenge mode: the page asks the server for a fresh challenge and shows it as text and as a QR;
// the holder binds it into the code, and the check fails with `challenge_mismatch` otherwise
// (a replayed screenshot of an earlier code cannot carry today's challenge).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import QRCode from 'qrcode';
import type { Static } from 'typebox';
import type { VerifyChallenge } from '../../src/http/schemas/verify.ts';
import { post } from '../shared/api.ts';

export function ChallengePanel({
  challenge,
  onChallenge,
}: {
  challenge: string | undefined;
  onChallenge: (c: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!challenge) return setImage(undefined);
    void QRCode.toDataURL(challenge, { margin: 2, width: 200 }).then(setImage);
  }, [challenge]);
  return (
    <section className="jz-verify-panel" aria-labelledby="jz-challenge-title">
      <h2 id="jz-challenge-title">{t('verify.challenge.title')}</h2>
      {challenge ? (
        <>
          <p>{t('verify.challenge.show')}</p>
          <p className="jz-verify-challenge" data-testid="challenge">
            {challenge}
          </p>
          {image && (
            <img src={image} alt={t('verify.challenge.qr', { challenge })} width={200} height={200} />
          )}
          <Button className="jz-verify-button" onClick={() => onChallenge(undefined)}>
            {t('verify.challenge.off')}
          </Button>
        </>
      ) : (
        <>
          <p>{t('verify.challenge.why')}</p>
          <Button
            className="jz-verify-button"
            onClick={async () => {
              try {
                setProblem(undefined);
                onChallenge((await post<Static<typeof VerifyChallenge>>('/verify/challenges')).challenge);
              } catch {
                setProblem(t('verify.challenge.offline'));
              }
            }}
          >
            {t('verify.challenge.on')}
          </Button>
          {problem && <p role="alert">{problem}</p>}
        </>
      )}
    </section>
  );
}
