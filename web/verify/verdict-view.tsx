// The verdict fills the screen: colour, icon and sentence (never colour alone), then what the code
// says about the card (kind, masked name, district by name, valid until on Beijing dates), whether
// it was seen before, and the reminder to compare with the holder's ID card.
import type { Static } from 'typebox';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import {
  CheckCircleFill,
  ClockCircleFill,
  CloseCircleFill,
  QuestionCircleFill,
  StopOutline,
} from 'antd-mobile-icons';
import type { VerifyAnswer } from '../../src/http/schemas/verify.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { currentLanguage } from '../shared/i18n.ts';
import { districtName } from './districts.ts';
import { verdicts, type IconName } from './verdicts.ts';

export type Verdict = Static<typeof VerifyAnswer> & { offline: boolean };

const icons: Record<IconName, typeof CheckCircleFill> = {
  check: CheckCircleFill,
  clock: ClockCircleFill,
  cross: CloseCircleFill,
  question: QuestionCircleFill,
  stop: StopOutline,
};

export function VerdictView({ verdict, onAgain }: { verdict: Verdict; onAgain: () => void }) {
  const { t } = useTranslation();
  const { tone, icon } = verdicts[verdict.result];
  const Icon = icons[icon];
  const card = verdict.card;
  const district = (code: string) =>
    districtName(code, currentLanguage() === 'zh-CN', (name) => t('verify.card.districtLatin', { name }));
  const rows: [string, string | undefined][] = card
    ? [
        [t('verify.card.kind'), t(`verify.kinds.${card.kind}`, { defaultValue: card.kind })],
        [t('verify.card.name'), card.name ?? card.maskedName],
        [t('verify.card.idNumber'), card.idNumber],
        [t('verify.card.number'), card.number],
        [t('verify.card.district'), district(card.districtCode)],
        [t('verify.card.address'), card.address?.detail],
        [t('verify.card.validUntil'), formatDate(card.validUntil)],
        [t('verify.card.issuedOn'), card.issuedOn ? formatDate(card.issuedOn) : undefined],
        [t('verify.card.issuingAuthority'), card.issuingAuthority],
        // A confirmation form's QR also says which form it is, and where and when it was printed.
        [t('verify.form.serial'), verdict.form?.serial],
        [
          t('verify.form.printed'),
          verdict.form
            ? t('verify.form.printedBy', {
                station: verdict.form.stationName,
                at: formatDateTime(verdict.form.issuedAt),
              })
            : undefined,
        ],
      ]
    : [];
  return (
    <section className={`jz-verdict jz-verdict-${tone}`} aria-labelledby="jz-verdict-sentence">
      <div className="jz-verdict-banner" role="status">
        <Icon className="jz-verdict-icon" aria-hidden="true" />
        <h2 id="jz-verdict-sentence" className="jz-verdict-sentence" data-result={verdict.result}>
          {t(`verify.results.${verdict.result}`)}
        </h2>
        {verdict.offline && <p className="jz-badge">{t('verify.offline.checkedOffline')}</p>}
      </div>
      {card && (
        <dl className="jz-verdict-card">
          {rows
            .filter((r): r is [string, string] => r[1] !== undefined)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      )}
      {!verdict.offline && (
        <p className="jz-verdict-note">
          {verdict.seenBefore
            ? t('verify.seenBefore', { at: formatDateTime(verdict.seenBefore.at) })
            : t('verify.notSeenBefore')}
        </p>
      )}
      {card && <p className="jz-verdict-note jz-verdict-compare">{t('verify.compareIdCard')}</p>}
      <Button color="primary" block className="jz-verify-button" onClick={onAgain}>
        {t('verify.again')}
      </Button>
    </section>
  );
}
