// The wallet's lists of the resident's records (applications, appointments) share one frame: what
// was just done said above, the actions that start something new, a failed read with a retry, the
// words for an empty list, and one card per record headed by its kind and a status tag.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Tag, type TagProps } from 'antd-mobile';

interface RecordListProps<T> {
  label: string;
  /** Said above the list, e.g. that something was just sent. */
  notice?: string | undefined;
  actions: ReactNode;
  error?: string | undefined;
  onRetry: () => void;
  emptyText: string;
  items: T[] | undefined;
  children: (item: T) => ReactNode;
}

export function RecordList<T extends { id: string }>(props: RecordListProps<T>) {
  const { t } = useTranslation();
  return (
    <section aria-label={props.label}>
      {props.notice && (
        <p className="jz-surface" role="status">
          {props.notice}
        </p>
      )}
      <div className="jz-actions">{props.actions}</div>
      {props.error && (
        <div className="jz-surface" role="alert">
          <p>{props.error}</p>
          <Button onClick={props.onRetry}>{t('common.retry')}</Button>
        </div>
      )}
      {props.items?.length === 0 && <p>{props.emptyText}</p>}
      <ul className="jz-card-list">
        {props.items?.map((item) => (
          <li key={item.id} className="jz-surface">
            {props.children(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A record's heading: what it is, and its status in words on a tag. */
export function RecordHead({
  title,
  status,
  color,
}: {
  title: string;
  status: string;
  color: TagProps['color'];
}) {
  return (
    <div className="jz-card-head">
      <h3 className="jz-card-kind">{title}</h3>
      <Tag color={color}>{status}</Tag>
    </div>
  );
}
