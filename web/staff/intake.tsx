// Window intake (clerk): a walk-in applicant, in person or through a guardian or close relative
// (Art. 9). The clerk ticks the paper materials and the agent's documents as checked; the power of
// attorney is asked for unless the applicant is under 16, read from the birth date in the ID number
// (the server decides the same with the policy in force and says so when it disagrees).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Static } from 'typebox';
import type { ApplicationView } from '../../src/http/schemas/applications.ts';
import type { Basis, MaterialKind } from '../../src/domain/applications/application.ts';
import { bases } from '../../src/domain/applications/application.ts';
import { requiredMaterials } from '../../src/domain/applications/required-materials.ts';
import {
  proxyReasons,
  relations,
  requiredProxyDocuments,
  type ProxyDocument,
  type ProxyReason,
  type Relation,
} from '../../src/domain/applications/proxy.ts';
import { ageOn } from '../../src/domain/identity/age.ts';
import { beijingDate, isIsoDate } from '../../src/domain/beijing-date.ts';
import { defaultPolicy } from '../../src/domain/policy.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDate } from '../shared/format.ts';

type NewType = 'registration_card' | 'residence_permit';
type Application = Static<typeof ApplicationView>;

/** The birth date an 18-character ID number carries, if it reads as one. */
export function birthDateOf(idNumber: string): string | null {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isIsoDate(date) ? date : null;
}

const emptyForm = {
  type: 'registration_card' as NewType,
  name: '',
  idNumber: '',
  street: undefined as string | undefined,
  detail: '',
  basis: undefined as Basis | undefined,
  months: null as number | null,
  materials: [] as MaterialKind[],
  byProxy: false,
  agentName: '',
  agentIdNumber: '',
  relation: undefined as Relation | undefined,
  reason: undefined as ProxyReason | undefined,
  documents: [] as ProxyDocument[],
};

export function Intake({ districtCode }: { districtCode: string | null }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(emptyForm);
  const [streets, setStreets] = useState<{ code: string; name: string }[]>([]);
  const [error, setError] = useState<{ text: string; fields: string[] } | null>(null);
  const [accepted, setAccepted] = useState<Application | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof emptyForm>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (districtCode)
      void get<{ code: string; name: string }[]>(`/divisions/districts/${districtCode}/streets`).then(
        setStreets,
      );
  }, [districtCode]);

  const today = beijingDate(new Date());
  const birthDate = birthDateOf(form.idNumber);
  const age = birthDate && birthDate <= today ? ageOn(birthDate, today) : null;
  const minor = age !== null && age < defaultPolicy.proxyMinorAgeUnder;
  const reason = form.reason ?? (minor ? 'minor' : undefined);
  const neededDocuments: ProxyDocument[] =
    age === null || !reason
      ? ['agent_id', 'proof_of_relationship', 'power_of_attorney']
      : requiredProxyDocuments(reason, age, defaultPolicy);
  const neededMaterials = requiredMaterials(form.type, form.basis ? { basis: form.basis } : {});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        type: form.type,
        address: { districtCode, street: form.street ?? '', detail: form.detail.trim() },
        ...(form.type === 'residence_permit' && form.basis ? { basis: form.basis } : {}),
        ...(form.type === 'residence_permit' && form.months !== null
          ? { declaredContributionMonths: form.months }
          : {}),
        applicant: { name: form.name.trim(), idNumber: form.idNumber.trim() },
        materialsChecked: form.materials.filter((m) => neededMaterials.includes(m)),
        ...(form.byProxy
          ? {
              proxy: {
                agent: { name: form.agentName.trim(), idNumber: form.agentIdNumber.trim() },
                relation: form.relation,
                reason,
                documentsChecked: form.documents.filter((d) => neededDocuments.includes(d)),
              },
            }
          : {}),
      };
      setAccepted(await post<Application>('/staff/applications', body));
    } catch (err) {
      const missing = (err as ApiError).details as { missing?: unknown } | undefined;
      setError(
        err instanceof ApiError && err.code === 'MATERIALS_MISSING' && Array.isArray(missing?.missing)
          ? // The server names what is missing by code: the clerk reads each in words.
            {
              text: t('staff.intake.notChecked', {
                list: missing.missing
                  .map((k: string) =>
                    t(`staff.enums.proxyDocument.${k}`, {
                      defaultValue: t(`staff.enums.material.${k}`, { defaultValue: k }),
                    }),
                  )
                  .join('、'),
              }),
              fields: [],
            }
          : err instanceof ApiError
            ? { text: err.message, fields: err.fields }
            : { text: t('common.errors.unexpected'), fields: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (...names: string[]) =>
    error && error.fields.some((f) => names.some((n) => f.replace(/^\//, '').replaceAll('/', '.') === n))
      ? error.text
      : undefined;

  if (accepted)
    return (
      <section aria-labelledby="jz-intake-heading">
        <Typography.Title level={2} id="jz-intake-heading">
          {t('staff.intake.heading')}
        </Typography.Title>
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('staff.intake.accepted', { dueBy: formatDate(accepted.dueBy) })}
          style={{ marginBottom: 16 }}
        />
        <Space>
          <Button type="primary" href={`#/applications/${accepted.id}`}>
            {t('staff.intake.open')}
          </Button>
          <Button
            onClick={() => {
              setAccepted(null);
              setForm(emptyForm);
            }}
          >
            {t('staff.intake.another')}
          </Button>
        </Space>
      </section>
    );

  return (
    <section aria-labelledby="jz-intake-heading">
      <Typography.Title level={2} id="jz-intake-heading">
        {t('staff.intake.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('staff.intake.explain')}</Typography.Paragraph>
      <form onSubmit={(e) => void submit(e)} className="jz-intake">
        <Card title={<h3 className="jz-card-title">{t('staff.intake.application')}</h3>}>
          <fieldset className="jz-fieldset">
            <legend>{t('staff.intake.type')}</legend>
            <Radio.Group
              value={form.type}
              onChange={(e) => set({ type: e.target.value as NewType, materials: [] })}
              options={(['registration_card', 'residence_permit'] as const).map((v) => ({
                value: v,
                label: t(`staff.enums.type.${v}`),
              }))}
            />
          </fieldset>
          {form.type === 'residence_permit' && (
            <Space wrap align="start">
              <Field id="jz-intake-basis" label={t('staff.intake.basis')} error={fieldError('basis')}>
                <Select
                  style={{ width: 220 }}
                  value={form.basis}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(v: Basis) => set({ basis: v })}
                  options={bases.map((b) => ({ value: b, label: t(`staff.enums.basis.${b}`) }))}
                />
              </Field>
              <Field
                id="jz-intake-months"
                label={t('staff.intake.months')}
                error={fieldError('declaredContributionMonths')}
              >
                <InputNumber
                  min={0}
                  max={600}
                  value={form.months}
                  onChange={(v) => set({ months: typeof v === 'number' ? v : null })}
                />
              </Field>
            </Space>
          )}
        </Card>

        <Card
          title={<h3 className="jz-card-title">{t('staff.intake.applicant')}</h3>}
          style={{ marginTop: 16 }}
        >
          <Space wrap align="start">
            <Field id="jz-intake-name" label={t('staff.detail.name')} error={fieldError('applicant.name')}>
              <Input value={form.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <Field
              id="jz-intake-id"
              label={t('staff.detail.idNumber')}
              hint={
                age !== null && birthDate
                  ? t('staff.intake.age', { birthDate: formatDate(birthDate), age })
                  : undefined
              }
              error={fieldError('applicant.idNumber')}
            >
              <Input
                className="jz-mono"
                value={form.idNumber}
                maxLength={18}
                autoComplete="off"
                onChange={(e) => set({ idNumber: e.target.value, reason: undefined })}
                style={{ width: 240 }}
              />
            </Field>
          </Space>
          <Space wrap align="start">
            <Field
              id="jz-intake-street"
              label={t('staff.intake.street')}
              error={fieldError('address.street')}
            >
              <Select
                style={{ width: 240 }}
                value={form.street}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: string) => set({ street: v })}
                options={streets.map((s) => ({ value: s.code, label: s.name }))}
              />
            </Field>
            <Field
              id="jz-intake-detail"
              label={t('staff.intake.detail')}
              error={fieldError('address.detail')}
            >
              <Input
                value={form.detail}
                maxLength={120}
                onChange={(e) => set({ detail: e.target.value })}
                style={{ width: 360 }}
              />
            </Field>
          </Space>
          <fieldset className="jz-fieldset">
            <legend>{t('staff.intake.materialsChecked')}</legend>
            <Checkbox.Group
              value={form.materials}
              onChange={(v) => set({ materials: v })}
              options={neededMaterials.map((k) => ({ value: k, label: t(`staff.enums.material.${k}`) }))}
            />
          </fieldset>
        </Card>

        <Card title={<h3 className="jz-card-title">{t('staff.detail.proxy')}</h3>} style={{ marginTop: 16 }}>
          <Checkbox checked={form.byProxy} onChange={(e) => set({ byProxy: e.target.checked })}>
            {t('staff.intake.byProxy')}
          </Checkbox>
          {form.byProxy && (
            <div style={{ marginTop: 12 }}>
              <Space wrap align="start">
                <Field
                  id="jz-intake-agent-name"
                  label={t('staff.intake.agentName')}
                  error={fieldError('proxy.agent.name')}
                >
                  <Input
                    value={form.agentName}
                    maxLength={60}
                    onChange={(e) => set({ agentName: e.target.value })}
                  />
                </Field>
                <Field
                  id="jz-intake-agent-id"
                  label={t('staff.intake.agentIdNumber')}
                  error={fieldError('proxy.agent.idNumber', 'proxy.agent')}
                >
                  <Input
                    className="jz-mono"
                    value={form.agentIdNumber}
                    maxLength={18}
                    autoComplete="off"
                    onChange={(e) => set({ agentIdNumber: e.target.value })}
                    style={{ width: 240 }}
                  />
                </Field>
                <Field
                  id="jz-intake-relation"
                  label={t('staff.detail.relation')}
                  error={fieldError('proxy.relation')}
                >
                  <Select
                    style={{ width: 200 }}
                    value={form.relation}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(v: Relation) => set({ relation: v })}
                    options={relations.map((r) => ({ value: r, label: t(`staff.enums.relation.${r}`) }))}
                  />
                </Field>
                <Field
                  id="jz-intake-reason"
                  label={t('staff.detail.proxyReason')}
                  error={fieldError('proxy.reason')}
                >
                  <Select
                    style={{ width: 220 }}
                    value={reason}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(v: ProxyReason) => set({ reason: v })}
                    options={proxyReasons.map((r) => ({
                      value: r,
                      label: t(`staff.enums.proxyReason.${r}`),
                      disabled: r === 'minor' && age !== null && !minor,
                    }))}
                  />
                </Field>
              </Space>
              <Alert
                type="info"
                showIcon
                title={
                  age === null
                    ? t('staff.intake.attorneyUnknown')
                    : minor
                      ? t('staff.intake.attorneyNotNeeded', { age })
                      : t('staff.intake.attorneyNeeded', { age })
                }
                style={{ marginBottom: 12 }}
              />
              <fieldset className="jz-fieldset">
                <legend>{t('staff.detail.documentsChecked')}</legend>
                <Checkbox.Group
                  value={form.documents}
                  onChange={(v) => set({ documents: v })}
                  options={neededDocuments.map((d) => ({
                    value: d,
                    label: t(`staff.enums.proxyDocument.${d}`),
                  }))}
                />
              </fieldset>
            </div>
          )}
        </Card>
        {error && <Alert type="error" showIcon role="alert" title={error.text} style={{ marginTop: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
          {t('staff.intake.submit')}
        </Button>
      </form>
    </section>
  );
}
