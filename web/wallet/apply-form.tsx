// Applying for a registration card: the address chosen from the city's real districts and streets
// (never free text for those), the detail typed, the materials attached. The server's errors go
// next to the field they concern, in the reader's language; nothing typed is lost on an error or a
// network failure (the form keeps its state; sending again is a retry).
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Static } from 'typebox';
import type { ApplicationView } from '../../src/http/schemas/applications.ts';
import { ApiError, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDate } from '../shared/format.ts';
import { loadDistricts, loadStreets, type Named } from './districts.ts';
import { MaterialInput, type ChosenFile } from './material-input.tsx';

type Application = Static<typeof ApplicationView>;
const needed = ['photo', 'proof_of_address'] as const;
type Kind = (typeof needed)[number];
type Errors = Partial<Record<'district' | 'street' | 'detail' | 'form' | Kind, string>>;

/** Which field a refusal concerns, from its code, details and the JSON pointer it names. */
function errorsOf(e: ApiError): Errors {
  const details = (e.details ?? {}) as { kind?: string; missing?: string[] };
  if (e.code === 'MATERIALS_MISSING' && details.missing) {
    return Object.fromEntries(details.missing.map((k) => [k, e.message]));
  }
  if ((e.code === 'MATERIAL_INVALID' || e.code === 'MATERIAL_TOO_LARGE') && details.kind)
    return { [details.kind]: e.message };
  if (e.code === 'ADDRESS_UNKNOWN' || e.code === 'NO_STATION_FOR_DISTRICT') return { street: e.message };
  const pointer = e.fields[0] ?? '';
  if (pointer.includes('detail')) return { detail: e.message };
  if (pointer.includes('street')) return { street: e.message };
  if (pointer.includes('district')) return { district: e.message };
  return { form: e.message };
}

export function ApplyForm({ onDone }: { onDone: (a: Application) => void }) {
  const { t } = useTranslation();
  const [districts, setDistricts] = useState<Named[]>([]);
  const [streets, setStreets] = useState<Named[]>([]);
  const [district, setDistrict] = useState('');
  const [street, setStreet] = useState('');
  const [detail, setDetail] = useState('');
  const [files, setFiles] = useState<Partial<Record<Kind, ChosenFile>>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadDistricts()
      .then(setDistricts)
      .catch((e: unknown) => setErrors({ form: e instanceof Error ? e.message : String(e) }));
  }, []);
  useEffect(() => {
    setStreets([]);
    if (!district) return;
    loadStreets(district)
      .then(setStreets)
      .catch((e: unknown) => setErrors({ district: e instanceof Error ? e.message : String(e) }));
  }, [district]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Errors = {};
    if (!district) missing.district = t('wallet.apply.required');
    if (!street) missing.street = t('wallet.apply.required');
    if (!detail.trim()) missing.detail = t('wallet.apply.required');
    for (const kind of needed) if (!files[kind]) missing[kind] = t('wallet.apply.fileMissing');
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      const created = await post<Application>('/applications', {
        type: 'registration_card',
        address: { districtCode: district, street, detail: detail.trim() },
        materials: needed.map((kind) => ({
          kind,
          contentType: files[kind]!.contentType,
          content: files[kind]!.content,
        })),
      });
      onDone(created);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="jz-surface" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('wallet.apply.heading')}</h2>
      <Field id="apply-district" label={t('wallet.apply.district')} error={errors.district}>
        <select
          className="jz-select"
          value={district}
          onChange={(e) => {
            setDistrict(e.target.value);
            setStreet('');
          }}
        >
          <option value="">{t('wallet.apply.choose')}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="apply-street" label={t('wallet.apply.street')} error={errors.street}>
        <select
          className="jz-select"
          value={street}
          disabled={!district}
          onChange={(e) => setStreet(e.target.value)}
        >
          <option value="">{t('wallet.apply.choose')}</option>
          {streets.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="apply-detail"
        label={t('wallet.apply.detail')}
        hint={t('wallet.apply.detailHint')}
        error={errors.detail}
      >
        <input
          className="jz-input"
          maxLength={120}
          autoComplete="street-address"
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
        />
      </Field>
      <h3>{t('wallet.apply.materials')}</h3>
      {needed.map((kind) => (
        <MaterialInput
          key={kind}
          id={`material-${kind}`}
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
      <Button block type="submit" color="primary" loading={busy}>
        {t('wallet.apply.submit')}
      </Button>
    </form>
  );
}

export const submittedText = (a: Application, t: TFunction) =>
  t('wallet.apply.submitted', { date: formatDate(a.dueBy) });
