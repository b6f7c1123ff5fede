// 全部电子证照: every card the holder may show, their own, legacy and wards', each with its chip;
// a card that cannot be shown says why and what to do.
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, ErrorBlock, Tag } from 'antd-mobile';
import { ApiError, get } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import { chipColor, chipIcon, chipOf, isShowable, type Card } from './card-status.ts';
import { loadDistricts, useDivisionName, type Named } from './districts.ts';
import type { FormRequest } from './apply-form.tsx';

export function useDistrictNames(): Map<string, string> {
  const [list, setList] = useState<Named[]>([]);
  const nameOf = useDivisionName();
  useEffect(() => {
    loadDistricts()
      .then(setList)
      .catch(() => undefined); // the code is shown instead
  }, []);
  return new Map(list.map((d) => [d.code, nameOf(d)]));
}

export function CardSummary({
  card,
  districts,
  children,
}: {
  card: Card;
  districts: Map<string, string>;
  /** More rows (dt/dd) for the same list, so every label lines up. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const chip = chipOf(card);
  return (
    <>
      <div className="jz-card-head">
        <h3 className="jz-card-kind">{t(`wallet.kind.${card.kind}`)}</h3>
        <Tag color={chipColor[chip]} className="jz-chip">
          <span aria-hidden="true">{chipIcon[chip]} </span>
          {t(`wallet.status.${chip}`)}
        </Tag>
      </div>
      {card.ward && (
        <p className="jz-ward">
          {t('wallet.card.ward', {
            name: card.ward.name,
            relation: t(`wallet.relation.${card.ward.relation}`),
          })}
        </p>
      )}
      <dl className="jz-facts">
        <dt>{t('wallet.card.number')}</dt>
        <dd>{card.number}</dd>
        <dt>{t('wallet.card.validUntil')}</dt>
        <dd>
          {card.kind === 'residence_permit' && chip !== 'expired'
            ? t('wallet.card.openEnded')
            : formatDate(card.validUntil)}
        </dd>
        <dt>{t('wallet.card.district')}</dt>
        <dd>{districts.get(card.districtCode) ?? card.districtCode}</dd>
        {children}
      </dl>
      {card.source === 'legacy' && <p className="jz-hint">{t('wallet.card.legacy')}</p>}
    </>
  );
}

function advice(card: Card, chip: ReturnType<typeof chipOf>, t: TFunction): string | undefined {
  switch (chip) {
    case 'suspended':
    case 'expired':
    case 'superseded':
      return t(`wallet.advice.${chip}`);
    case 'endorsement_due':
      return t('wallet.advice.endorsement_due', {
        date: formatDate(card.endorsementDueOn ?? card.validUntil),
      });
    case 'revoked':
      return t('wallet.advice.revoked', { reason: card.revokedReason ?? '' });
    default:
      return undefined;
  }
}

/** What the holder may apply for about one of their own cards (a ward's is done at a window). */
function CardActions({ card, onApply }: { card: Card; onApply: (r: FormRequest) => void }) {
  const { t } = useTranslation();
  const chip = chipOf(card);
  if (card.ward || !isShowable(chip)) return null;
  const ref = { id: card.id, number: card.number, kind: card.kind };
  const endorsable = card.kind === 'residence_permit' && (chip === 'endorsement_due' || chip === 'suspended');
  return (
    <div className="jz-actions">
      {endorsable && (
        <Button
          block
          color="warning"
          onClick={() => onApply({ type: 'endorsement', card: ref })}
          aria-label={`${t('wallet.form.endorse')} ${card.number}`}
        >
          {t('wallet.form.endorse')}
        </Button>
      )}
      <Button
        block
        fill="outline"
        onClick={() => onApply({ type: 'change', card: ref })}
        aria-label={`${t('wallet.form.change')} ${card.number}`}
      >
        {t('wallet.form.change')}
      </Button>
      <Button
        block
        fill="outline"
        onClick={() => onApply({ type: 'replacement', card: ref })}
        aria-label={`${t('wallet.form.replace')} ${card.number}`}
      >
        {t('wallet.form.replace')}
      </Button>
    </div>
  );
}

function CardItem({
  card,
  districts,
  onShow,
  onApply,
}: {
  card: Card;
  districts: Map<string, string>;
  onShow: (card: Card) => void;
  onApply: (r: FormRequest) => void;
}) {
  const { t } = useTranslation();
  const chip = chipOf(card);
  const tip = advice(card, chip, t);
  return (
    <li className={`jz-surface jz-card jz-card-${chip}${card.ward ? ' jz-card-ward' : ''}`}>
      <CardSummary card={card} districts={districts} />
      {tip && <p className="jz-advice">{tip}</p>}
      {isShowable(chip) && (
        <Button
          block
          color="primary"
          onClick={() => onShow(card)}
          aria-label={`${t('wallet.card.show')} ${card.number}`}
        >
          {t('wallet.card.show')}
        </Button>
      )}
      <CardActions card={card} onApply={onApply} />
    </li>
  );
}

export function CardList({
  onShow,
  onApply,
}: {
  onShow: (card: Card) => void;
  onApply: (r: FormRequest) => void;
}) {
  const { t } = useTranslation();
  const [cards, setCards] = useState<Card[]>();
  const [error, setError] = useState<string>();
  const districts = useDistrictNames();

  const load = () => {
    setError(undefined);
    get<Card[]>('/me/cards?all=true')
      .then(setCards)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  useEffect(load, []);

  if (error) {
    return (
      <div className="jz-surface" role="alert">
        <p>{error}</p>
        <Button onClick={load}>{t('common.retry')}</Button>
      </div>
    );
  }
  if (!cards) return <p role="status">{t('common.loading')}</p>;
  if (cards.length === 0)
    return <ErrorBlock status="empty" title={t('wallet.tabs.cards')} description={t('wallet.card.none')} />;
  const own = cards.filter((c) => !c.ward);
  // The agent's view (R13): a ward's cards apart, under a heading that says whose they are.
  const wards = cards.filter((c) => c.ward);
  const item = (card: Card) => (
    <CardItem key={card.id} card={card} districts={districts} onShow={onShow} onApply={onApply} />
  );
  return (
    <>
      {wards.length > 0 && <h2 className="jz-section">{t('wallet.wards.own')}</h2>}
      {own.length === 0 && <p>{t('wallet.card.none')}</p>}
      <ul className="jz-card-list" aria-label={t('wallet.tabs.cards')}>
        {own.map(item)}
      </ul>
      {wards.length > 0 && (
        <section aria-labelledby="wards-heading" className="jz-wards">
          <h2 id="wards-heading" className="jz-section">
            {t('wallet.wards.heading')}
          </h2>
          <p>{t('wallet.wards.intro')}</p>
          <ul className="jz-card-list" aria-label={t('wallet.wards.heading')}>
            {wards.map(item)}
          </ul>
        </section>
      )}
    </>
  );
}
