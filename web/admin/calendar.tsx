// The working-day calendar behind every due date (R4): a year at a glance (days off and make-up
// working days marked in words, not colour alone), the official arrangement loaded from a file when
// the State Council publishes it, and single-day overrides with a note. Only the admin calendar API.
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Table,
  Typography,
} from 'antd';
import { ApiError, del, get, put } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDate } from '../shared/format.ts';
import { currentLanguage } from '../shared/i18n.ts';
import './calendar.css';

type DayKind = 'working_day' | 'day_off';
interface Day {
  date: string;
  working: boolean | null;
  override: DayKind | null;
  note: string | null;
}
interface MonthView {
  coveredYears: number[];
  days: Day[];
}
interface YearFile {
  year: number;
  daysOff: string[];
  makeUpWorkingDays: string[];
}
type Message = { type: 'success' | 'error'; text: string } | null;

const weekday = (date: string) => new Date(`${date}T12:00:00+08:00`).getUTCDay(); // 0 = Sunday
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** Reads a year's arrangement: `{ "year"?, "daysOff": [...], "makeUpWorkingDays": [...] }`. */
export function readYearFile(text: string, fallbackYear: number): YearFile {
  const data = JSON.parse(text) as Partial<YearFile>;
  const dates = (v: unknown) =>
    Array.isArray(v) && v.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
      ? (v as string[])
      : null;
  const daysOff = dates(data.daysOff);
  const makeUp = dates(data.makeUpWorkingDays ?? []);
  if (!daysOff || !makeUp) throw new Error('daysOff / makeUpWorkingDays');
  const year = typeof data.year === 'number' ? data.year : Number(daysOff[0]?.slice(0, 4) ?? fallbackYear);
  return { year, daysOff, makeUpWorkingDays: makeUp };
}

function MonthGrid({ month, days }: { month: string; days: Day[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const title = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(`${month}-15T12:00:00+08:00`));
  // Monday first, as Chinese calendars are printed.
  const names = [1, 2, 3, 4, 5, 6, 7].map((i) =>
    new Intl.DateTimeFormat(lang, { weekday: 'narrow', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, i)),
    ),
  );
  const lead = days[0] ? (weekday(days[0].date) + 6) % 7 : 0;
  const cells: (Day | null)[] = [...Array<null>(lead).fill(null), ...days];
  const weeks: (Day | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const mark = (d: Day) =>
    d.working === null
      ? t('admin.calendar.unknownMark')
      : !d.working
        ? isWeekend(d.date)
          ? ''
          : t('admin.calendar.offMark')
        : isWeekend(d.date)
          ? t('admin.calendar.workMark')
          : '';
  return (
    <table className="jz-month">
      <caption>{title}</caption>
      <thead>
        <tr>
          {names.map((n, i) => (
            <th key={i} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={i}>
            {w.map((d, j) =>
              d ? (
                <td
                  key={d.date}
                  className={[
                    d.working === false ? 'jz-day-off' : '',
                    d.override ? 'jz-day-override' : '',
                  ].join(' ')}
                  title={[
                    formatDate(d.date),
                    d.working === null
                      ? t('admin.calendar.unknown')
                      : d.working
                        ? t('admin.calendar.working')
                        : t('admin.calendar.off'),
                    d.override ? `${t('admin.calendar.overridden')}${d.note ? `: ${d.note}` : ''}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                >
                  <span>{Number(d.date.slice(8))}</span>
                  <small>
                    {mark(d)}
                    {d.override ? '*' : ''}
                  </small>
                </td>
              ) : (
                <td key={`e${j}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarAdmin() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => Number(new Date().toISOString().slice(0, 4)));
  const [months, setMonths] = useState<MonthView[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<YearFile | null>(null);
  const [override, setOverride] = useState({ date: '', kind: 'day_off' as DayKind });
  const fail = (e: unknown) =>
    setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });

  // From the latest state: two events before a render must not undo each other.
  const patchOverride = (patch: Partial<typeof override>) => setOverride((o) => ({ ...o, ...patch }));

  const load = useCallback(() => {
    const all = Array.from({ length: 12 }, (_, i) =>
      get<MonthView>(`/admin/calendar?month=${year}-${String(i + 1).padStart(2, '0')}`),
    );
    Promise.all(all)
      .then(setMonths)
      .catch((e: unknown) =>
        setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) }),
      );
  }, [year]);
  useEffect(load, [load]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      setPending(readYearFile(await file.text(), year));
    } catch {
      setMessage({ type: 'error', text: t('admin.calendar.badFile') });
    }
  };
  const loadYear = async () => {
    if (!pending) return;
    try {
      await put(`/admin/calendar/years/${pending.year}`, {
        daysOff: pending.daysOff,
        makeUpWorkingDays: pending.makeUpWorkingDays,
      });
      setMessage({ type: 'success', text: t('admin.calendar.loaded', { year: pending.year }) });
      if (pending.year === year) load();
      else setYear(pending.year);
    } catch (err) {
      fail(err);
    } finally {
      setPending(null);
    }
  };
  const saveOverride = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // What the form shows when it is sent, whatever render the handler came from.
    const fields = new FormData(e.currentTarget);
    const text = (name: string, fallback: string) => {
      const v = fields.get(name);
      return typeof v === 'string' ? v : fallback;
    };
    const date = text('date', override.date);
    const kind = text('kind', override.kind) as DayKind;
    const note = text('note', '').trim();
    const form = e.currentTarget;
    try {
      await put(`/admin/calendar/overrides/${date}`, { kind, ...(note ? { note } : {}) });
      setMessage({ type: 'success', text: t('admin.calendar.overrideSaved', { date: formatDate(date) }) });
      form.reset();
      setOverride({ date: '', kind: 'day_off' });
      if (date.startsWith(String(year))) load();
    } catch (err) {
      fail(err);
    }
  };
  const removeOverride = async (date: string) => {
    try {
      await del(`/admin/calendar/overrides/${date}`);
      setMessage({ type: 'success', text: t('admin.calendar.overrideRemoved', { date: formatDate(date) }) });
      load();
    } catch (err) {
      fail(err);
    }
  };

  const covered = months?.[0]?.coveredYears ?? [];
  const overrides = (months ?? []).flatMap((m) => m.days.filter((d) => d.override));
  return (
    <section aria-labelledby="jz-calendar-heading">
      <Typography.Title level={2} id="jz-calendar-heading">
        {t('admin.calendar.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('admin.calendar.explain')}</Typography.Paragraph>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <Field id="jz-calendar-year" label={t('admin.calendar.year')}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
        </Field>
        <div className="jz-field">
          <label htmlFor="jz-calendar-file">{t('admin.calendar.loadFile')}</label>
          <input
            id="jz-calendar-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onFile(e)}
          />
        </div>
      </Space>
      <p role="status">
        {covered.includes(year)
          ? t('admin.calendar.covered', { year })
          : t('admin.calendar.notCovered', { year })}{' '}
        {t('admin.calendar.coveredYears', { years: covered.join(', ') || '—' })}
      </p>
      <p className="jz-hint">{t('admin.calendar.legend')}</p>
      {months && (
        <Row gutter={[16, 16]}>
          {months.map((m, i) => (
            <Col key={i} xs={24} md={12} xl={8} xxl={6}>
              <MonthGrid month={`${year}-${String(i + 1).padStart(2, '0')}`} days={m.days} />
            </Col>
          ))}
        </Row>
      )}
      <Card
        title={<h3 className="jz-card-title">{t('admin.calendar.overrides')}</h3>}
        style={{ marginTop: 16 }}
      >
        <form onSubmit={(e) => void saveOverride(e)}>
          <Space wrap align="end">
            <Field id="jz-override-date" label={t('admin.calendar.date')}>
              <Input
                type="date"
                name="date"
                value={override.date}
                onChange={(e) => patchOverride({ date: e.target.value })}
              />
            </Field>
            <fieldset className="jz-fieldset">
              <legend>{t('admin.calendar.kind')}</legend>
              <Radio.Group
                name="kind"
                value={override.kind}
                onChange={(e) => patchOverride({ kind: e.target.value as DayKind })}
                options={[
                  { value: 'working_day', label: t('admin.calendar.working') },
                  { value: 'day_off', label: t('admin.calendar.off') },
                ]}
              />
            </fieldset>
            <Field id="jz-override-note" label={t('admin.calendar.note')}>
              {/* Uncontrolled: what is typed stays in the field whatever renders meanwhile (a note
                  was sent empty under load when React owned the value); read at submit. */}
              <Input name="note" defaultValue="" maxLength={200} style={{ width: 280 }} />
            </Field>
            <Button type="primary" htmlType="submit" disabled={!override.date}>
              {t('admin.calendar.saveOverride')}
            </Button>
          </Space>
        </form>
        <Table<Day>
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={overrides}
          style={{ marginTop: 12 }}
          locale={{ emptyText: t('admin.calendar.noOverrides') }}
          columns={[
            { key: 'date', title: t('admin.calendar.date'), render: (_, d) => formatDate(d.date) },
            {
              key: 'kind',
              title: t('admin.calendar.kind'),
              render: (_, d) =>
                d.override === 'working_day' ? t('admin.calendar.working') : t('admin.calendar.off'),
            },
            { key: 'note', title: t('admin.calendar.note'), render: (_, d) => d.note ?? '—' },
            {
              key: 'actions',
              title: t('admin.actions'),
              render: (_, d) => (
                <Button size="small" onClick={() => void removeOverride(d.date)}>
                  {t('admin.calendar.remove', { date: formatDate(d.date) })}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={pending !== null}
        title={t('admin.calendar.loadFile')}
        okText={t('admin.confirm')}
        cancelText={t('admin.cancel')}
        onOk={() => void loadYear()}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <p>
            {t('admin.calendar.confirmLoad', {
              year: pending.year,
              off: pending.daysOff.length,
              work: pending.makeUpWorkingDays.length,
            })}
          </p>
        )}
      </Modal>
    </section>
  );
}
