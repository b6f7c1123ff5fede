// The wallet's application forms (R2): a registration card or a residence permit (with its basis and
// the months of contributions declared), an endorsement, a change of address and a replacement of a
// lost or damaged card. The address is chosen from the city's real districts and streets (never
// free text for those), the materials each type needs are attached (checked before upload). The
// server's errors go next to the field they concern, in the reader's language. Nothing typed is
// lost on an error, a network failure or a reload: the typed fields are kept as a draft in
// sessionStorage until the application is sent, and sending again is the retry.
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Static } from 'typebox';
import type { ApplicationView } from '../../src/http/schemas/applications.ts';
import type { ApplicationType, Basis, MaterialKind } from '../../src/domain/applications/application.ts';
import { bases } from '../../src/domain/applications/application.ts';
import { requiredMaterials } from '../../src/domain/applications/required-materials.ts';
import { ApiError, post } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDate } from '../shared/format.ts';
import { loadDistricts, loadStreets, useDivisionName, type Named } from './districts.ts';
import { MaterialInput, type ChosenFile } from './material-input.tsx';
import { DRAFT_PREFIX, saveItem } from './draft-storage.ts';

type Application = Static<typeof ApplicationView>;

/** What a form is for: the type, and for an endorsement, change or replacement the card concerned. */
export interface FormRequest {
  type: ApplicationType;
  card?: { id: string; number: string; kind: string } | undefined;
}

/** Whose drafts these are: after a session ends on a shared phone, another person who signs in
 * in the same tab must not find the first one's address (ownerOf(me) in app.tsx). */
type Owned<T> = T & { owner: string };

const withAddress: readonly ApplicationType[] = ['registration_card', 'residence_permit', 'change'];
type FieldName = 'district' | 'street' | 'detail' | 'basis' | 'months' | 'form' | MaterialKind;
type Errors = Partial<Record<FieldName, string>>;

/** What is typed, kept as the draft. Never the files: they may be megabytes (sessionStorage holds
 * about 5 MB) and a photo or a lease is personal data no storage of the page should keep; they
 * are chosen again after a reload, and the form says so. Nothing here goes to localStorage, which
 * outlives the session and would leave an address on a shared phone. */
interface Draft {
  district: string;
  street: string;
  detail: string;
  basis: Basis | '';
  months: string;
  /** Names of the files that were chosen, to say which to choose again. */
  files: Partial<Record<MaterialKind, string>>;
}
const emptyDraft: Draft = { district: '', street: '', detail: '', basis: '', months: '', files: {} };

const draftKey = (r: FormRequest) => `${DRAFT_PREFIX}${r.type}.${r.card?.id ?? 'new'}`;
const OPEN_FORM_KEY = 'juzhu.wallet.openForm';

function readDraft(r: FormRequest, owner: string): Draft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(r)) ?? 'null') as Owned<Draft> | null;
    if (!saved || saved.owner !== owner) return emptyDraft;
    const { owner: _owner, ...draft } = saved;
    return { ...emptyDraft, ...draft };
  } catch {
    return emptyDraft;
  }
}

/** The form this person had open when the page was left (reloaded), to open it again. */
export function savedOpenForm(owner: string): FormRequest | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(OPEN_FORM_KEY) ?? 'null') as Owned<FormRequest> | null;
    if (!saved || saved.owner !== owner) return undefined;
    return { type: saved.type, card: saved.card };
  } catch {
    return undefined;
  }
}
export function rememberOpenForm(r: FormRequest | undefined, owner: string): void {
  if (r) saveItem(OPEN_FORM_KEY, JSON.stringify({ ...r, owner }));
  else sessionStorage.removeItem(OPEN_FORM_KEY);
}

/** Signing out (or a session ended) forgets every draft: the next person on this phone sees none. */
export function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith(DRAFT_PREFIX) || key === OPEN_FORM_KEY) sessionStorage.removeItem(key);
}

/** Which field a refusal concerns, from its code, details and the JSON pointer it names. */
function errorsOf(e: ApiError): Errors {
  const details = (e.details ?? {}) as { kind?: string; missing?: string[] };
  if (e.code === 'MATERIALS_MISSING' && details.missing) {
    return Object.fromEntries(details.missing.map((k) => [k, e.message]));
  }
  if ((e.code === 'MATERIAL_INVALID' || e.code === 'MATERIAL_TOO_LARGE') && details.kind)
    return { [details.kind]: e.message };
  if (e.code === 'ADDRESS_UNKNOWN' || e.code === 'NO_STATION_FOR_DISTRICT') return { street: e.message };
  // The basis is always chosen here, so what is short is the time lived in the city.
  if (e.code === 'NOT_ELIGIBLE') return { months: e.message };
  const pointer = e.fields[0] ?? '';
  if (pointer.includes('detail')) return { detail: e.message };
  if (pointer.includes('street')) return { street: e.message };
  if (pointer.includes('district')) return { district: e.message };
  if (pointer.includes('basis')) return { basis: e.message };
  if (pointer.includes('declaredContributionMonths')) return { months: e.message };
  return { form: e.message };
}

interface Props {
  request: FormRequest;
  owner: string;
  onDone: (a: Application) => void;
  onCancel: () => void;
}

export function ApplyForm({ request, owner, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const divisionName = useDivisionName();
  const { type, card } = request;
  const needsAddress = withAddress.includes(type);
  // A change always changes the address here, so its proof is asked for (required-materials.ts).
  const needed = requiredMaterials(type, { addressChanged: true });
  const [draft, setDraft] = useState<Draft>(() => readDraft(request, owner));
  const [districts, setDistricts] = useState<Named[]>([]);
  const [streets, setStreets] = useState<Named[]>([]);
  const [files, setFiles] = useState<Partial<Record<MaterialKind, ChosenFile>>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [offline, setOffline] = useState(false);
  const { district, street, detail, basis, months } = draft;
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => {
    saveItem(draftKey(request), JSON.stringify({ ...draft, owner }));
  }, [draft]);
  const [reloadedFiles] = useState(() => draft.files);

  useEffect(() => {
    if (!needsAddress) return;
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

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const missing: Errors = {};
    if (needsAddress) {
      if (!district) missing.district = t('wallet.apply.required');
      if (!street) missing.street = t('wallet.apply.required');
      if (!detail.trim()) missing.detail = t('wallet.apply.required');
    }
    if (type === 'residence_permit') {
      if (!basis) missing.basis = t('wallet.apply.required');
      if (months !== '' && !/^\d{1,3}$/.test(months)) missing.months = t('wallet.apply.monthsInvalid');
    }
    for (const kind of needed) if (!files[kind]) missing[kind] = t('wallet.apply.fileMissing');
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    setErrors({});
    setOffline(false);
    try {
      const created = await post<Application>('/applications', {
        type,
        ...(card ? { cardId: card.id } : {}),
        ...(needsAddress ? { address: { districtCode: district, street, detail: detail.trim() } } : {}),
        ...(type === 'residence_permit' && basis ? { basis } : {}),
        ...(type === 'residence_permit' && months !== ''
          ? { declaredContributionMonths: Number(months) }
          : {}),
        materials: needed.map((kind) => ({
          kind,
          contentType: files[kind]!.contentType,
          content: files[kind]!.content,
        })),
      });
      sessionStorage.removeItem(draftKey(request));
      onDone(created);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setOffline(e.code === 'NETWORK');
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  };

  const heading = t(`wallet.form.heading.${type}`);
  return (
    <form className="jz-surface" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="apply-heading">
      <h2 id="apply-heading">{heading}</h2>
      {card && (
        <p className="jz-hint">
          {t('wallet.form.forCard', { kind: t(`wallet.kind.${card.kind}`), number: card.number })}
        </p>
      )}
      <p>{t(`wallet.form.intro.${type}`)}</p>
      {type === 'residence_permit' && (
        <>
          <Field id="apply-basis" label={t('wallet.form.basis')} error={errors.basis}>
            <select
              className="jz-select"
              value={basis}
              onChange={(e) => update({ basis: e.target.value as Basis | '' })}
            >
              <option value="">{t('wallet.apply.choose')}</option>
              {bases.map((b) => (
                <option key={b} value={b}>
                  {t(`wallet.form.bases.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="apply-months"
            label={t('wallet.form.months')}
            hint={t('wallet.form.monthsHint')}
            error={errors.months}
          >
            <input
              className="jz-input"
              inputMode="numeric"
              maxLength={3}
              value={months}
              onChange={(e) => update({ months: e.target.value.replace(/\D/g, '') })}
            />
          </Field>
        </>
      )}
      {needsAddress && (
        <>
          {type === 'change' && <h3>{t('wallet.form.newAddress')}</h3>}
          <Field id="apply-district" label={t('wallet.apply.district')} error={errors.district}>
            <select
              className="jz-select"
              value={district}
              onChange={(e) => update({ district: e.target.value, street: '' })}
            >
              <option value="">{t('wallet.apply.choose')}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {divisionName(d)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="apply-street" label={t('wallet.apply.street')} error={errors.street}>
            <select
              className="jz-select"
              value={streets.length ? street : ''}
              disabled={!district}
              onChange={(e) => update({ street: e.target.value })}
            >
              <option value="">{t('wallet.apply.choose')}</option>
              {streets.map((s) => (
                <option key={s.code} value={s.code}>
                  {divisionName(s)}
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
              onChange={(e) => update({ detail: e.target.value })}
            />
          </Field>
        </>
      )}
      {needed.length > 0 && <h3>{t('wallet.apply.materials')}</h3>}
      {needed.map((kind) => (
        <MaterialInput
          key={kind}
          id={`material-${kind}`}
          label={t(`wallet.material.${kind}`)}
          value={files[kind]}
          error={errors[kind]}
          hint={
            !files[kind] && reloadedFiles[kind]
              ? t('wallet.form.chooseAgain', { name: reloadedFiles[kind] })
              : undefined
          }
          onChange={(file, error) => {
            setFiles((f) => ({ ...f, [kind]: file }));
            setErrors((errs) => ({ ...errs, [kind]: error }));
            setDraft((d) => ({ ...d, files: { ...d.files, [kind]: file?.name } }));
          }}
        />
      ))}
      {errors.form && (
        <div className="jz-field-error" role="alert">
          <p>{errors.form}</p>
          {offline && (
            <Button onClick={() => void submit()} loading={busy}>
              {t('common.retry')}
            </Button>
          )}
        </div>
      )}
      <Button block type="submit" color="primary" loading={busy}>
        {t('wallet.apply.submit')}
      </Button>
      <Button block fill="none" onClick={onCancel}>
        {t('wallet.form.cancel')}
      </Button>
    </form>
  );
}

export const submittedText = (a: Application, t: TFunction) =>
  t('wallet.apply.submitted', { date: formatDate(a.dueBy) });
