// My applications: status, due date, decision, the missing materials listed at once (Art. 9) with
// a way to send them, and withdrawal of one not yet decided.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from 'antd-mobile';
import type { Static } from 'typebox';
import type { ApplicationView } from '../../src/http/schemas/applications.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import type { FormRequest } from './apply-form.tsx';
import { MaterialInput, type ChosenFile } from './material-input.tsx';
import { RecordHead, RecordList } from './record-list.tsx';

type Application = Static<typeof ApplicationView>;
const open = new Set(['submitted', 'needs_materials', 'resubmitted']);

function Resubmit({ application, onSent }: { application: Application; onSent: (a: Application) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<Record<string, ChosenFile | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const materials = application.missing.flatMap((kind) => {
      const f = files[kind];
      return f ? [{ kind, contentType: f.contentType, content: f.content }] : [];
    });
    if (materials.length === 0) {
      return setErrors(
        Object.fromEntries(application.missing.map((k) => [k, t('wallet.apply.fileMissing')])),
      );
    }
    setBusy(true);
    try {
      onSent(await post<Application>(`/applications/${application.id}/materials`, { materials }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const kind = (e.details as { kind?: string } | undefined)?.kind;
      setErrors(kind ? { [kind]: e.message } : { form: e.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <p>{t('wallet.applications.missing')}</p>
      {application.missing.map((kind) => (
        <MaterialInput
          key={kind}
          id={`re-${application.id}-${kind}`}
          label={t(`wallet.material.${kind}`)}
          value={files[kind]}
          error={errors[kind]}
          onChange={(file, error) => {
            setFiles({ ...files, [kind]: file });
            setErrors({ ...errors, [kind]: error });
          }}
        />
      ))}
      {errors.form && (
        <p className="jz-field-error" role="alert">
          {errors.form}
        </p>
      )}
      <Button block color="primary" loading={busy} onClick={() => void send()}>
        {t('wallet.applications.resubmit')}
      </Button>
    </div>
  );
}

export function Applications({
  onCardIssued,
  onApply,
  notice: given,
}: {
  onCardIssued?: () => void;
  onApply: (r: FormRequest) => void;
  /** Said above the list, e.g. that an application was just sent. */
  notice?: string | undefined;
}) {
  const { t } = useTranslation();
  const [list, setList] = useState<Application[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState(given);

  const load = () => {
    setError(undefined);
    get<Application[]>('/applications')
      .then(setList)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  useEffect(load, []);

  const replace = (a: Application) => setList((l) => l?.map((x) => (x.id === a.id ? a : x)));
  const withdraw = async (a: Application) => {
    if (!(await Dialog.confirm({ content: t('wallet.applications.withdrawConfirm') }))) return;
    try {
      replace(await post<Application>(`/applications/${a.id}/withdraw`));
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <RecordList
      label={t('wallet.tabs.applications')}
      notice={notice}
      actions={
        <>
          <Button block color="primary" onClick={() => onApply({ type: 'registration_card' })}>
            {t('wallet.applications.new')}
          </Button>
          <Button block color="primary" fill="outline" onClick={() => onApply({ type: 'residence_permit' })}>
            {t('wallet.form.newPermit')}
          </Button>
        </>
      }
      error={error}
      onRetry={load}
      emptyText={t('wallet.applications.empty')}
      items={list}
    >
      {(a) => (
        <>
          <RecordHead
            title={t(`wallet.applications.type.${a.type as string}`)}
            status={t(`wallet.applications.status.${a.status as string}`)}
            color={
              a.status === 'needs_materials' ? 'warning' : a.status === 'rejected' ? 'danger' : 'primary'
            }
          />
          <dl className="jz-facts">
            <dt>{t('wallet.applications.acceptedOn')}</dt>
            <dd>{formatDate(a.acceptedOn)}</dd>
            {open.has(a.status) && (
              <>
                <dt>{t('wallet.applications.dueBy')}</dt>
                <dd>
                  {formatDate(a.dueBy)}
                  {a.dueByProvisional && t('wallet.applications.dueByProvisional')}
                </dd>
              </>
            )}
            {a.reason && (
              <>
                <dt>{t('wallet.applications.reason')}</dt>
                <dd>{a.reason}</dd>
              </>
            )}
          </dl>
          {a.status === 'needs_materials' && a.missing.length > 0 && (
            <Resubmit application={a} onSent={replace} />
          )}
          {a.status === 'issued' && onCardIssued && (
            <Button block onClick={onCardIssued}>
              {t('wallet.tabs.cards')}
            </Button>
          )}
          {open.has(a.status) && (
            <Button block color="danger" fill="outline" onClick={() => void withdraw(a)}>
              {t('wallet.applications.withdraw')}
            </Button>
          )}
        </>
      )}
    </RecordList>
  );
}
