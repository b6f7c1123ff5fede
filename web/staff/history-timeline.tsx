// The history of an application or a card in plain words: when, what (an action of the audit trail
// named as staff say it; an action this page does not know yet is shown by its code rather than
// hidden) and who (a staff member by name, others by their part). The audit holds no free text, so
// a decision's reason is shown by the page with the decision, not here.
import { useTranslation } from 'react-i18next';
import { Timeline } from 'antd';
import type { HistoryEvent } from '../../src/http/schemas/staff.ts';
import { formatDateTime } from '../shared/format.ts';

export function HistoryTimeline({ history }: { history: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={history.map((h) => ({
        key: `${h.at}-${h.action}`,
        content: (
          <>
            <div>{formatDateTime(h.at)}</div>
            <div>
              {t(`staff.history.actions.${h.action}`, { defaultValue: h.action })} ·{' '}
              {h.actorName ?? t(`staff.history.actors.${h.actorKind}`, { defaultValue: h.actorKind })}
            </div>
          </>
        ),
      }))}
    />
  );
}
