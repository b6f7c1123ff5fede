// How old the kept lists are, and whether this check will be online or offline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import { formatDateTime } from '../shared/format.ts';
import type { KeptLists } from './offline-lists.ts';

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function ListsStatus({
  lists,
  failed,
  onRefresh,
}: {
  lists: KeptLists | undefined;
  failed: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const online = useOnline() && !failed;
  return (
    <section className="jz-verify-lists" aria-label={t('verify.offline.label')}>
      <p>
        <span className={online ? 'jz-badge' : 'jz-badge jz-badge-offline'} data-testid="network-badge">
          {online ? t('verify.offline.online') : t('verify.offline.offline')}
        </span>{' '}
        {lists
          ? t('verify.offline.listsFrom', { at: formatDateTime(new Date(lists.fetchedAt)) })
          : t('verify.offline.noLists')}
      </p>
      <Button size="small" className="jz-verify-button" onClick={onRefresh}>
        {t('verify.offline.refresh')}
      </Button>
    </section>
  );
}
