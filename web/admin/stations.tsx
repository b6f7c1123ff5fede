// Stations and the streets they serve (read here; created through the API).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, Tag, Typography } from 'antd';
import type { Static } from 'typebox';
import type { Station } from '../../src/http/schemas/admin.ts';
import { get } from '../shared/api.ts';

type StationRow = Static<typeof Station>;

export function Stations() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<StationRow[]>([]);
  useEffect(() => {
    void get<StationRow[]>('/admin/stations').then(setRows);
  }, []);
  return (
    <section aria-labelledby="jz-stations-heading">
      <Typography.Title level={2} id="jz-stations-heading">
        {t('admin.stations.heading')}
      </Typography.Title>
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
          { key: 'district', title: t('admin.stations.district'), dataIndex: 'districtCode' },
          {
            key: 'streets',
            title: t('admin.stations.streets'),
            render: (_, s) => s.streetCodes.map((c) => <Tag key={c}>{c}</Tag>),
          },
          { key: 'address', title: t('admin.stations.address'), dataIndex: 'address' },
        ]}
      />
    </section>
  );
}
