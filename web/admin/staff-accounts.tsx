// Staff accounts: create, deactivate (their sessions end at once), set a new password, set up the
// second factor (TOTP; whether an account has one is shown in the list).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Static } from 'typebox';
import type { Role, Staff, Station } from '../../src/http/schemas/admin.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { SecondFactorEnrolment } from './second-factor-enrolment.tsx';

type StaffRow = Static<typeof Staff>;
type StationRow = Static<typeof Station>;
const roles: Static<typeof Role>[] = ['clerk', 'officer', 'community_police', 'admin'];
const blank = {
  username: '',
  displayName: '',
  role: 'clerk' as Static<typeof Role>,
  stationId: null as string | null,
  password: '',
};

export function StaffAccounts() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<StaffRow[]>([]);
  const [stations, setStations] = useState<StationRow[]>([]);
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState(blank);
  // From the latest state: two events before a render must not undo each other.
  const patchForm = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const [resetFor, setResetFor] = useState<StaffRow | null>(null);
  const [enrolFor, setEnrolFor] = useState<StaffRow | null>(null);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    void get<StaffRow[]>('/admin/staff').then(setRows);
    void get<StationRow[]>('/admin/stations').then(setStations);
  }, []);
  useEffect(load, [load]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setMessage({ type: 'success', text: done });
      load();
      return true;
    } catch (e) {
      setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
      return false;
    }
  };
  const stationName = (id: string | null) => stations.find((s) => s.id === id)?.name ?? id ?? '—';
  const field = (key: 'username' | 'displayName' | 'password', type = 'text') => (
    <label>
      <span className="jz-field-label">{t(`admin.staff.${key}`)}</span>
      <Input
        type={type}
        aria-label={t(`admin.staff.${key}`)}
        value={form[key]}
        onChange={(e) => patchForm({ [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section aria-labelledby="jz-staff-heading">
      <Typography.Title level={2} id="jz-staff-heading">
        {t('admin.staff.heading')}
      </Typography.Title>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t('admin.staff.create')}
      </Button>
      <Table<StaffRow>
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'username', title: t('admin.staff.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('admin.staff.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('admin.staff.role'), render: (_, r) => t(`admin.roles.${r.role}`) },
          { key: 'station', title: t('admin.staff.station'), render: (_, r) => stationName(r.stationId) },
          {
            key: 'active',
            title: t('admin.staff.state'),
            render: (_, r) =>
              r.active ? (
                <Tag className="jz-tag-ok">{t('admin.staff.active')}</Tag>
              ) : (
                <Tag>{t('admin.staff.inactive')}</Tag>
              ),
          },
          {
            key: 'secondFactor',
            title: t('admin.staff.secondFactor.column'),
            render: (_, r) =>
              r.secondFactor ? (
                <Tag className="jz-tag-ok">{t('admin.staff.secondFactor.enrolled')}</Tag>
              ) : (
                <Tag>{t('admin.staff.secondFactor.none')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, r) => (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => setResetFor(r)}
                  aria-label={`${t('admin.staff.resetPassword')} ${r.username}`}
                >
                  {t('admin.staff.resetPassword')}
                </Button>
                {r.active && (
                  <Button
                    size="small"
                    onClick={() => setEnrolFor(r)}
                    aria-label={`${t('admin.staff.secondFactor.setUp')} ${r.username}`}
                  >
                    {t('admin.staff.secondFactor.setUp')}
                  </Button>
                )}
                {r.active && (
                  <Button
                    size="small"
                    danger
                    aria-label={`${t('admin.staff.deactivate')} ${r.username}`}
                    onClick={() =>
                      Modal.confirm({
                        title: t('admin.staff.deactivate'),
                        content: t('admin.staff.confirmDeactivate', { username: r.username }),
                        okText: t('admin.confirm'),
                        cancelText: t('admin.cancel'),
                        onOk: () =>
                          act(() => post(`/admin/staff/${r.id}/deactivate`), t('admin.staff.deactivated')),
                      })
                    }
                  >
                    {t('admin.staff.deactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('admin.staff.create')}
        okText={t('admin.confirm')}
        cancelText={t('admin.cancel')}
        onOk={() =>
          void act(() => post('/admin/staff', form), t('admin.staff.created')).then((ok) => {
            if (ok) {
              setCreating(false);
              setForm(blank);
            }
          })
        }
        onCancel={() => setCreating(false)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {field('username')}
          {field('displayName')}
          <label>
            <span className="jz-field-label">{t('admin.staff.role')}</span>
            <Select
              aria-label={t('admin.staff.role')}
              style={{ width: '100%' }}
              value={form.role}
              options={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
              onChange={(role) => patchForm({ role })}
            />
          </label>
          <label>
            <span className="jz-field-label">{t('admin.staff.station')}</span>
            <Select
              aria-label={t('admin.staff.station')}
              style={{ width: '100%' }}
              allowClear
              value={form.stationId}
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(stationId) => patchForm({ stationId: stationId ?? null })}
            />
          </label>
          {field('password', 'password')}
          <Typography.Text type="secondary">{t('admin.staff.passwordRule')}</Typography.Text>
        </Space>
      </Modal>
      <Modal
        open={resetFor !== null}
        title={`${t('admin.staff.resetPassword')} · ${resetFor?.username ?? ''}`}
        okText={t('admin.confirm')}
        cancelText={t('admin.cancel')}
        onOk={() =>
          resetFor &&
          void act(
            () => post(`/admin/staff/${resetFor.id}/password`, { password }),
            t('admin.staff.passwordReset'),
          ).then((ok) => {
            if (ok) {
              setResetFor(null);
              setPassword('');
            }
          })
        }
        onCancel={() => setResetFor(null)}
      >
        <label>
          <span className="jz-field-label">{t('admin.staff.newPassword')}</span>
          <Input.Password
            aria-label={t('admin.staff.newPassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <Typography.Paragraph type="secondary">{t('admin.staff.resetExplain')}</Typography.Paragraph>
      </Modal>
      {enrolFor && (
        <SecondFactorEnrolment
          account={enrolFor}
          onClose={(enrolled) => {
            setEnrolFor(null);
            if (enrolled) {
              setMessage({ type: 'success', text: t('admin.staff.secondFactor.enrolledMessage') });
              load();
            }
          }}
        />
      )}
    </section>
  );
}
