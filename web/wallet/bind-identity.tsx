// Binding the account to a real identity (PUT /me/identity, once). An identity the platform
// already holds without a phone (window intake, legacy import, a ward) needs the binding code a
// station clerk printed; the field is there for them and optional for everyone else.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Static } from 'typebox';
import type { BoundIdentity, IdentityBinding } from '../../src/http/schemas/me.ts';
import { ApiError, put } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';

type Errors = Partial<Record<'name' | 'idNumber' | 'bindingCode' | 'form', string>>;

/** Which field a refusal concerns: the server's code, or the JSON pointer it names. */
function fieldOf(e: ApiError): keyof Errors {
  if (e.code === 'ID_NUMBER_INVALID') return 'idNumber';
  const pointer = e.fields[0] ?? '';
  if (pointer.includes('bindingCode')) return 'bindingCode';
  if (pointer.includes('idNumber')) return 'idNumber';
  if (pointer.includes('name') || e.code === 'IDENTITY_REJECTED') return 'name';
  return 'form';
}

export function BindIdentity({ onBound }: { onBound: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Static<typeof IdentityBinding>>({
    name: '',
    idNumber: '',
    bindingCode: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Errors = {};
    if (!form.name.trim()) missing.name = t('wallet.apply.required');
    if (!form.idNumber.trim()) missing.idNumber = t('wallet.apply.required');
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    try {
      const code = form.bindingCode?.trim();
      await put<Static<typeof BoundIdentity>>('/me/identity', {
        name: form.name.trim(),
        idNumber: form.idNumber.trim().toUpperCase(),
        ...(code ? { bindingCode: code } : {}),
      });
      onBound();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setErrors({ [fieldOf(e)]: e.message }); // what was typed stays in the form
    } finally {
      setBusy(false);
    }
  };

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  return (
    <form className="jz-surface" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('wallet.bind.heading')}</h2>
      <p>{t('wallet.bind.intro')}</p>
      <Field id="bind-name" label={t('wallet.bind.name')} error={errors.name}>
        <input className="jz-input" autoComplete="name" value={form.name} onChange={set('name')} />
      </Field>
      <Field id="bind-id" label={t('wallet.bind.idNumber')} error={errors.idNumber}>
        <input
          className="jz-input"
          autoComplete="off"
          maxLength={18}
          value={form.idNumber}
          onChange={set('idNumber')}
        />
      </Field>
      <Field
        id="bind-code"
        label={t('wallet.bind.bindingCode')}
        hint={t('wallet.bind.bindingCodeHint')}
        error={errors.bindingCode}
      >
        <input
          className="jz-input"
          autoComplete="off"
          value={form.bindingCode ?? ''}
          onChange={set('bindingCode')}
        />
      </Field>
      {errors.form && (
        <p className="jz-field-error" role="alert">
          {errors.form}
        </p>
      )}
      <Button block type="submit" color="primary" loading={busy}>
        {t('wallet.bind.submit')}
      </Button>
    </form>
  );
}
