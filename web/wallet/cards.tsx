// 全部电子证照: every card the holder may show, their own, legacy and wards', each with its chip;
// a card that cannot be shown says why and what to do.
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, ErrorBlock, Tag } from 'antd-mobile';
import { ApiError, get } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import { chipColor, chipIcon, chipOf, isShowable, type Card } from './card-status.ts';
import { loadDistricts, type Named } from './districts.ts';

export function useDistrictNames(): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    loadDistricts()
      .then((list: Named[]) => setNames(new Map(list.map((d) => [d.code, d.name]))))
      .catch(() => undefined); // the code is shown instead
  }, []);
  return names;
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

export function CardList({ onShow }: { onShow: (card: Card) => void }) {
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
  return (
    <ul className="jz-card-list" aria-label={t('wallet.tabs.cards')}>
      {cards.map((card) => {
        const chip = chipOf(card);
        const tip = advice(card, chip, t);
        return (
          <li key={card.id} className={`jz-surface jz-card jz-card-${chip}`}>
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
          </li>
        );
      })}
    </ul>
  );
}
