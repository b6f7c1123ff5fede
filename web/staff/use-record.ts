// One record of a staff detail page (an application, a card), loaded by its path: the record, the
// error in words (not found within the staff member's jurisdiction says so, as the API does not
// say whether the record exists elsewhere), and a reload after an action changed it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../shared/api.ts';

export interface StaffRecord<T> {
  record: T | null;
  error: string | null;
  setError: (error: string | null) => void;
  reload: () => void;
}

export function useStaffRecord<T>(path: string, notFoundKey: string): StaffRecord<T> {
  const { t } = useTranslation();
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    get<T>(path)
      .then((r) => {
        setRecord(r);
        setError(null);
      })
      .catch((e: unknown) =>
        setError(e instanceof ApiError && e.status === 404 ? t(notFoundKey) : String((e as Error).message)),
      );
  }, [path, notFoundKey, t]);
  useEffect(() => {
    setRecord(null); // another record: never show the last one's data under the new heading
    reload();
  }, [reload]);
  return { record, error, setError, reload };
}
