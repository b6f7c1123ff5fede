// Confirmation forms at the window (clerk; R9, R16). The clerk types the holder's ID number and
// picks what the person presented (DESIGN §2: ID card, household register booklet, identity
// certificate from the place of origin) or pastes or scans their live QR, which the server verifies
// first; the server's refusal shows next to the field it concerns. The issued PDF shows in the page
// with Print and download. Below, the station's forms: those issued after review for applicants
// without a phone, to print and hand over, and every form issued here (paged by the server).
import { useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Input, Radio, Typography, type InputRef } from 'antd';
import type { FormRequest, FormRow, PaperEvidence } from '../../src/http/schemas/forms.ts';
import { ApiError, apiDocument } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { FormPdf } from './form-pdf.tsx';
import { StationForms } from './station-forms.tsx';

type Evidence = PaperEvidence | 'display_code';
const evidences: Evidence[] = ['id_card', 'household_register', 'origin_certificate', 'display_code'];

/** A PDF on the screen, with the serial the server gave it. */
export interface ShownPdf {
  pdf: Blob;
  serial: string;
}

export function FormsPage() {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState('');
  const [evidence, setEvidence] = useState<Evidence>('id_card');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'idNumber' | 'code' | null; text: string } | null>(null);
  const [shown, setShown] = useState<ShownPdf | null>(null);
  const [issued, setIssued] = useState(0);
  // The form that could not be printed again, for which the clerk now issues a new one.
  const [replacing, setReplacing] = useState<FormRow | null>(null);
  const idInput = useRef<InputRef>(null);
  const issueNew = (row: FormRow) => {
    setReplacing(row);
    setError(null);
    setShown(null);
    setIdNumber('');
    idInput.current?.focus({ preventScroll: true });
    document.getElementById('jz-forms-heading')?.scrollIntoView({ block: 'start' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setShown(null);
    const body: FormRequest = {
      idNumber: idNumber.trim().toUpperCase(),
      evidence: evidence === 'display_code' ? { code: code.trim() } : evidence,
    };
    try {
      const { blob, headers } = await apiDocument('POST', '/staff/confirmation-forms', body);
      setShown({ pdf: blob, serial: headers.get('x-form-serial') ?? '' });
      setIssued((n) => n + 1);
      setReplacing(null);
    } catch (err) {
      setError(refusal(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="jz-forms-heading">
      <Typography.Title level={2} id="jz-forms-heading">
        {t('staff.forms.heading')}
      </Typography.Title>
      <Card title={t('staff.forms.issueTitle')} className="jz-form-issue">
        <form onSubmit={(e) => void submit(e)} noValidate>
          {replacing && (
            <Alert
              type="info"
              showIcon
              role="status"
              title={t('staff.forms.issueNewFor', {
                serial: replacing.serial,
                name: replacing.holder.name,
                card: replacing.card.number,
              })}
              style={{ marginBottom: 12 }}
            />
          )}
          {error && error.field === null && (
            <Alert type="error" showIcon role="alert" title={error.text} style={{ marginBottom: 12 }} />
          )}
          <Field
            id="jz-form-id-number"
            label={t('staff.forms.idNumber')}
            hint={t('staff.forms.idNumberHint')}
            error={error?.field === 'idNumber' ? error.text : undefined}
          >
            <Input
              ref={idInput}
              value={idNumber}
              maxLength={18}
              autoComplete="off"
              style={{ maxWidth: 320 }}
              onChange={(e) => setIdNumber(e.target.value)}
            />
          </Field>
          <fieldset className="jz-fieldset">
            <legend>{t('staff.forms.evidence')}</legend>
            <Radio.Group
              value={evidence}
              onChange={(e) => setEvidence(e.target.value as Evidence)}
              options={evidences.map((v) => ({ value: v, label: t(`staff.forms.evidences.${v}`) }))}
            />
          </fieldset>
          {evidence === 'display_code' && (
            <Field
              id="jz-form-code"
              label={t('staff.forms.code')}
              hint={t('staff.forms.codeHint')}
              error={error?.field === 'code' ? error.text : undefined}
            >
              <Input.TextArea
                value={code}
                rows={3}
                maxLength={1024}
                onChange={(e) => setCode(e.target.value)}
              />
            </Field>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={!idNumber.trim() || (evidence === 'display_code' && !code.trim())}
          >
            {t('staff.forms.issue')}
          </Button>
        </form>
      </Card>
      {shown && (
        <Card
          title={t('staff.forms.issued', { serial: shown.serial })}
          role="status"
          style={{ marginTop: 16 }}
        >
          <FormPdf pdf={shown.pdf} serial={shown.serial} />
        </Card>
      )}
      <StationForms reload={issued} onIssueNew={issueNew} />
    </section>
  );
}

/** Where the server's refusal belongs and what it says, in plain words where we know better. */
function refusal(err: unknown, t: TFunction): { field: 'idNumber' | 'code' | null; text: string } {
  if (!(err instanceof ApiError)) return { field: null, text: String(err) };
  if (err.code === 'ID_NUMBER_INVALID' || err.code === 'HOLDER_NOT_FOUND') {
    return { field: 'idNumber', text: err.message };
  }
  if (err.code === 'EVIDENCE_REJECTED') {
    const result = (err.details as { result?: string } | undefined)?.result ?? '';
    const key = `staff.forms.rejected.${result}`;
    const plain = t(key);
    return { field: 'code', text: plain === key ? err.message : plain };
  }
  if (err.code === 'VALIDATION_FAILED') {
    const field = err.fields.some((f) => f.includes('evidence'))
      ? 'code'
      : err.fields.some((f) => f.includes('idNumber'))
        ? 'idNumber'
        : null;
    return { field, text: err.message };
  }
  return { field: null, text: err.message };
}
