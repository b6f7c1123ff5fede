// The officer's decision: approve, reject with a reason the applicant reads, or ask for every
// missing material at once (Art. 9), the checklist offering only what this kind of application
// needs (requiredMaterials, the server's own rule). Keyboard: A, R, M, N, ? (help).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { requiredMaterials } from '../../src/domain/applications/required-materials.ts';
import type { MaterialKind } from '../../src/domain/applications/application.ts';
import type { ApplicationDetail } from '../../src/http/schemas/staff.ts';
import { ApiError, post } from '../shared/api.ts';
import { go, nextInQueue, typing } from './route.ts';
import { alertsChanged } from './alert-count.ts';

const decidable = new Set(['submitted', 'resubmitted']);
type Dialog = 'reject' | 'request' | 'approve' | 'help' | null;

export function DecisionPanel({ detail, onDecided }: { detail: ApplicationDetail; onDecided: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<MaterialKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(
    null,
  );
  const open = decidable.has(detail.status);
  const needed = requiredMaterials(detail.type, {
    ...(detail.basis ? { basis: detail.basis } : {}),
    addressChanged: true,
  });
  const next = nextInQueue(detail.id);

  const decide = async (body: object, done: string) => {
    setBusy(true);
    try {
      await post(`/staff/applications/${detail.id}/decision`, body);
      setMessage({ type: 'success', text: done });
      setDialog(null);
      setReason('');
      setMissing([]);
    } catch (e) {
      setDialog(null);
      if (e instanceof ApiError && e.code === 'CONFLICT')
        setMessage({ type: 'warning', text: t('staff.decision.conflict') });
      else setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
      onDecided();
      alertsChanged();
    }
  };

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (typing(e) || dialog) return;
      const key = e.key.toLowerCase();
      if (key === '?') setDialog('help');
      else if (key === 'escape') go('#/queue');
      else if (key === 'n' && next) go(`#/applications/${next}`);
      else if (open && key === 'a') setDialog('approve');
      else if (open && key === 'r') setDialog('reject');
      else if (open && key === 'm' && needed.length) setDialog('request');
      else return;
      e.preventDefault();
    },
    [dialog, next, open, needed.length],
  );
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <section aria-labelledby="jz-decision-heading" className="jz-decision">
      <Typography.Title level={3} id="jz-decision-heading">
        {t('staff.decision.heading')}
      </Typography.Title>
      {message && (
        <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />
      )}
      {!open && <Typography.Paragraph>{t('staff.decision.notDecidable')}</Typography.Paragraph>}
      <Space wrap>
        <Button type="primary" disabled={!open} onClick={() => setDialog('approve')} aria-keyshortcuts="A">
          {t('staff.decision.approve')}
        </Button>
        <Button danger disabled={!open} onClick={() => setDialog('reject')} aria-keyshortcuts="R">
          {t('staff.decision.reject')}
        </Button>
        <Button
          disabled={!open || needed.length === 0}
          onClick={() => setDialog('request')}
          aria-keyshortcuts="M"
        >
          {t('staff.decision.requestMaterials')}
        </Button>
        <Button disabled={!next} onClick={() => next && go(`#/applications/${next}`)} aria-keyshortcuts="N">
          {t('staff.decision.next')}
        </Button>
        <Button type="link" onClick={() => setDialog('help')} aria-keyshortcuts="?">
          {t('staff.decision.shortcuts')} (?)
        </Button>
      </Space>

      <Modal
        open={dialog === 'approve'}
        title={t('staff.decision.approve')}
        okText={t('staff.decision.confirm')}
        cancelText={t('staff.decision.cancel')}
        confirmLoading={busy}
        onOk={() => void decide({ decision: 'approve' }, t('staff.decision.approved'))}
        onCancel={() => setDialog(null)}
      >
        <p>{t('staff.decision.confirmApprove')}</p>
      </Modal>
      <Modal
        open={dialog === 'reject'}
        title={t('staff.decision.reject')}
        okText={t('staff.decision.confirm')}
        cancelText={t('staff.decision.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={busy}
        onOk={() => void decide({ decision: 'reject', reason: reason.trim() }, t('staff.decision.rejected'))}
        onCancel={() => setDialog(null)}
      >
        <label>
          <span className="jz-field-label">{t('staff.decision.rejectReason')}</span>
          <Input.TextArea
            aria-label={t('staff.decision.rejectReason')}
            value={reason}
            maxLength={500}
            rows={4}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </label>
      </Modal>
      <Modal
        open={dialog === 'request'}
        title={t('staff.decision.requestMaterials')}
        okText={t('staff.decision.confirm')}
        cancelText={t('staff.decision.cancel')}
        okButtonProps={{ disabled: missing.length === 0 }}
        confirmLoading={busy}
        onOk={() =>
          void decide(
            { decision: 'request_materials', missing, ...(reason.trim() ? { reason: reason.trim() } : {}) },
            t('staff.decision.requested'),
          )
        }
        onCancel={() => setDialog(null)}
      >
        <fieldset className="jz-fieldset">
          <legend>{t('staff.decision.checklist')}</legend>
          <Checkbox.Group
            value={missing}
            onChange={(v) => setMissing(v)}
            options={needed.map((k) => ({ value: k, label: t(`staff.enums.material.${k}`) }))}
          />
        </fieldset>
        <label>
          <span className="jz-field-label">{t('staff.decision.requestNote')}</span>
          <Input.TextArea
            aria-label={t('staff.decision.requestNote')}
            value={reason}
            maxLength={500}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      </Modal>
      <Modal
        open={dialog === 'help'}
        title={t('staff.decision.help')}
        footer={null}
        onCancel={() => setDialog(null)}
      >
        <ul>
          {(['keyApprove', 'keyReject', 'keyRequest', 'keyNext', 'keyBack', 'keyHelp'] as const).map((k) => (
            <li key={k}>{t(`staff.decision.${k}`)}</li>
          ))}
        </ul>
      </Modal>
    </section>
  );
}
