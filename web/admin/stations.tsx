// Stations and the streets they serve: the list, and opening a station in a district with the real
// streets (乡镇/街道) it serves, from the city's division list (the server checks them again).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Static } from 'typebox';
import type { Station } from '../../src/http/schemas/admin.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';

type StationRow = Static<typeof Station>;
type Named = { code: string; name: string };
const emptyForm = {
  id: '',
  name: '',
  kind: 'police_station' as StationRow['kind'],
  districtCode: undefined as string | undefined,
  streetCodes: [] as string[],
  address: '',
};

export function Stations() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<StationRow[]>([]);
  const [districts, setDistricts] = useState<Named[]>([]);
  const [streets, setStreets] = useState<Named[]>([]);
  const [form, setForm] = useState(emptyForm);
  const [message, setMessage] = useState<{
    type: 'success' | 'error';
    text: string;
    fields?: string[];
  } | null>(null);
  // From the latest state: two events before a render must not undo each other.
  const patchForm = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const load = useCallback(() => {
    void get<StationRow[]>('/admin/stations').then(setRows);
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    void get<Named[]>('/divisions/districts').then(setDistricts);
  }, []);
  // The listed stations' streets by name: the streets of each district that has a station.
  const [streetNames, setStreetNames] = useState<ReadonlyMap<string, string>>(new Map());
  const listedDistricts = [...new Set(rows.map((r) => r.districtCode))].sort().join(',');
  useEffect(() => {
    if (!listedDistricts) return;
    void Promise.all(
      listedDistricts.split(',').map((d) => get<Named[]>(`/divisions/districts/${d}/streets`)),
    ).then((lists) => setStreetNames(new Map(lists.flat().map((s) => [s.code, s.name]))));
  }, [listedDistricts]);
  useEffect(() => {
    setStreets([]);
    if (form.districtCode)
      void get<Named[]>(`/divisions/districts/${form.districtCode}/streets`).then(setStreets);
  }, [form.districtCode]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const s = await post<StationRow>('/admin/stations', {
        ...form,
        name: form.name.trim(),
        address: form.address.trim(),
      });
      setMessage({ type: 'success', text: t('admin.stations.created', { name: s.name }) });
      setForm(emptyForm);
      load();
    } catch (err) {
      setMessage(
        err instanceof ApiError
          ? { type: 'error', text: err.message, fields: err.fields }
          : { type: 'error', text: String(err) },
      );
    }
  };
  const fieldError = (name: string) =>
    message?.fields?.some((f) => f.replace(/^\//, '').startsWith(name)) ? message.text : undefined;
  const districtName = (code: string) => districts.find((d) => d.code === code)?.name ?? code;

  return (
    <section aria-labelledby="jz-stations-heading">
      <Typography.Title level={2} id="jz-stations-heading">
        {t('admin.stations.heading')}
      </Typography.Title>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      <Card
        title={<h3 className="jz-card-title">{t('admin.stations.create')}</h3>}
        style={{ marginBottom: 16 }}
      >
        <form onSubmit={(e) => void create(e)}>
          <Space wrap align="start">
            <Field
              id="jz-station-id"
              label={t('admin.stations.id')}
              hint={t('admin.stations.idHint')}
              error={fieldError('id')}
            >
              <Input value={form.id} maxLength={40} onChange={(e) => patchForm({ id: e.target.value })} />
            </Field>
            <Field id="jz-station-name" label={t('admin.stations.name')} error={fieldError('name')}>
              <Input value={form.name} maxLength={60} onChange={(e) => patchForm({ name: e.target.value })} />
            </Field>
            <Field id="jz-station-kind" label={t('admin.stations.kind')}>
              <Select
                style={{ width: 160 }}
                value={form.kind}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: StationRow['kind']) => patchForm({ kind: v })}
                options={(['police_station', 'service_station'] as const).map((k) => ({
                  value: k,
                  label: t(`admin.stations.kinds.${k}`),
                }))}
              />
            </Field>
            <Field
              id="jz-station-district"
              label={t('admin.stations.district')}
              error={fieldError('districtCode')}
            >
              <Select
                style={{ width: 180 }}
                value={form.districtCode}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: string) => patchForm({ districtCode: v, streetCodes: [] })}
                options={districts.map((d) => ({ value: d.code, label: d.name }))}
              />
            </Field>
            <Field
              id="jz-station-streets"
              label={t('admin.stations.streets')}
              error={fieldError('streetCodes')}
            >
              <Select
                mode="multiple"
                style={{ minWidth: 280 }}
                value={form.streetCodes}
                disabled={!form.districtCode}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: string[]) => patchForm({ streetCodes: v })}
                options={streets.map((s) => ({ value: s.code, label: s.name }))}
              />
            </Field>
            <Field id="jz-station-address" label={t('admin.stations.address')} error={fieldError('address')}>
              <Input
                value={form.address}
                maxLength={120}
                onChange={(e) => patchForm({ address: e.target.value })}
                style={{ width: 320 }}
              />
            </Field>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" disabled={!form.id || !form.name || !form.districtCode}>
              {t('admin.stations.submit')}
            </Button>
          </div>
        </form>
      </Card>
      <Table<StationRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { key: 'name', title: t('admin.stations.name'), dataIndex: 'name' },
          {
            key: 'kind',
            title: t('admin.stations.kind'),
            render: (_, s) => t(`admin.stations.kinds.${s.kind}`),
          },
          {
            key: 'district',
            title: t('admin.stations.district'),
            render: (_, s) => districtName(s.districtCode),
          },
          {
            key: 'streets',
            title: t('admin.stations.streets'),
            render: (_, s) =>
              s.streetCodes.map((c) => (
                <Tag key={c} title={c}>
                  {streetNames.get(c) ?? c}
                </Tag>
              )),
          },
          { key: 'address', title: t('admin.stations.address'), dataIndex: 'address' },
        ]}
      />
    </section>
  );
}
