// The confirmation forms of the clerk's station, paged by the server: "to print" (issued with the
// approval of a window application whose applicant has no phone: print, give, mark handed over)
// and every form issued here. A form is printed again from the proof signed at issue; one issued
// before proofs were kept says so in words and offers to issue a new one instead.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { FormPage, FormQuery, FormRow } from '../../src/http/schemas/forms.ts';
import { apiDocument, get, post, errorMessage } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { Notice, type Said } from './notice.tsx';
import { FormPdf } from './form-pdf.tsx';
import type { ShownPdf } from './forms-page.tsx';
import { NotReprintable } from './not-reprintable.tsx';

type Tab = 'toPrint' | 'all';

interface Props {
  reload: number;
  /** A form that cannot be printed again: the clerk is taken to issue a new one for its holder. */
  onIssueNew: (row: FormRow) => void;
}

export function StationForms({ reload, onIssueNew }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('toPrint');
  const [query, setQuery] = useState<Required<Pick<FormQuery, 'limit' | 'offset'>>>({ limit: 10, offset: 0 });
  const [page, setPage] = useState<FormPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [again, setAgain] = useState(0);
  const [message, setMessage] = useState<Said | null>(null);
  const [shown, setShown] = useState<ShownPdf | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
    if (tab === 'toPrint') params.set('toPrint', 'true');
    get<FormPage>(`/staff/confirmation-forms?${params.toString()}`)
      .then((p) => live && setPage(p))
      .catch((e: unknown) => live && setMessage({ type: 'error', text: errorMessage(e) }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tab, query, reload, again]);

  const print = async (row: FormRow) => {
    setMessage(null);
    try {
      const { blob } = await apiDocument('GET', `/staff/confirmation-forms/${row.id}/pdf`);
      setShown({ pdf: blob, serial: row.serial });
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };
  const handOver = async (row: FormRow) => {
    setMessage(null);
    try {
      await post(`/staff/confirmation-forms/${row.id}/handed-over`);
      setMessage({ type: 'success', text: t('staff.forms.handedOverDone', { serial: row.serial }) });
      setShown(null);
      setAgain((n) => n + 1);
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };

  const columns: TableProps<FormRow>['columns'] = [
    { key: 'serial', title: t('staff.forms.serial'), dataIndex: 'serial' },
    { key: 'issuedAt', title: t('staff.forms.issuedAt'), render: (_, r) => formatDateTime(r.issuedAt) },
    {
      key: 'holder',
      title: t('staff.forms.holder'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.holder.name}</span>
          <small>{r.holder.idNumber}</small>
        </Space>
      ),
    },
    {
      key: 'card',
      title: t('staff.forms.card'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.card.number}</span>
          <small>{t(`staff.enums.cardKind.${r.card.kind}`)}</small>
        </Space>
      ),
    },
    {
      key: 'origin',
      title: t('staff.forms.origin'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Tag>{t(`staff.forms.origins.${r.origin}`)}</Tag>
          <small>{t(`staff.forms.evidences.${r.evidence}`)}</small>
          {r.handedOverAt && (
            <small>{t('staff.forms.handedOverAt', { at: formatDateTime(r.handedOverAt) })}</small>
          )}
        </Space>
      ),
    },
    { key: 'issuedBy', title: t('staff.forms.issuedBy'), dataIndex: 'issuedBy' },
    {
      key: 'actions',
      title: t('staff.forms.actions'),
      render: (_, r) => (
        <Space wrap>
          {r.printable ? (
            <Button size="small" onClick={() => void print(r)}>
              {t('staff.forms.printAgain')}
            </Button>
          ) : (
            <NotReprintable row={r} onIssueNew={onIssueNew} />
          )}
          {r.origin === 'after_review' && !r.handedOverAt && (
            <Button size="small" type="primary" onClick={() => void handOver(r)}>
              {t('staff.forms.handOver')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const table = (
    <Table<FormRow>
      rowKey="id"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t(tab === 'toPrint' ? 'staff.forms.emptyToPrint' : 'staff.forms.empty') }}
      onChange={(pagination) => {
        const limit = pagination.pageSize ?? 10;
        setQuery({ limit, offset: ((pagination.current ?? 1) - 1) * limit });
      }}
      pagination={{
        current: Math.floor(query.offset / query.limit) + 1,
        pageSize: query.limit,
        total: page?.total ?? 0,
        showTotal: (total) => t('staff.forms.total', { count: total }),
      }}
    />
  );

  return (
    <Card title={t('staff.forms.stationTitle')} style={{ marginTop: 16 }}>
      <Notice said={message} />
      {shown && (
        <div style={{ marginBottom: 16 }}>
          <FormPdf pdf={shown.pdf} serial={shown.serial} />
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Tab);
          setQuery((q) => ({ ...q, offset: 0 }));
        }}
        // One table under the tab bar: the tabs choose the server's filter, not another table.
        items={[
          { key: 'toPrint', label: t('staff.forms.toPrint') },
          { key: 'all', label: t('staff.forms.all') },
        ]}
      />
      {table}
    </Card>
  );
}
