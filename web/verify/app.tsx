// The verifier page (/verify): a landlord, a hospital or the police read a holder's code (camera,
// photo or pasted text) and get one verdict that fills the screen. Works offline with the lists it
// keeps (offline-lists.ts); an organisation key widens the answer to the full record.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextArea } from 'antd-mobile';
import { MobileProvider } from '../shared/mobile.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { CameraScanner } from './camera-scanner.tsx';
import { PhotoInput } from './photo-input.tsx';
import { ChallengePanel } from './challenge-panel.tsx';
import { VerifierKeyPanel } from './verifier-key-panel.tsx';
import { ListsStatus } from './lists-status.tsx';
import { VerdictView, type Verdict } from './verdict-view.tsx';
import { checkCode } from './check-code.ts';
import { useLists } from './use-lists.ts';
import './verify.css';

type Source = 'camera' | 'photo' | 'text';
const sources: Source[] = ['camera', 'photo', 'text'];

export function App() {
  const { t } = useTranslation();
  const { lists, failed, refresh } = useLists();
  const [source, setSource] = useState<Source>('camera');
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const [challenge, setChallenge] = useState<string>();
  const [verdict, setVerdict] = useState<Verdict>();
  const [busy, setBusy] = useState(false);

  const check = useCallback(
    async (code: string) => {
      setBusy(true);
      setScanning(false);
      try {
        setVerdict(await checkCode(code, challenge, lists));
      } finally {
        setBusy(false);
      }
    },
    [challenge, lists],
  );
  const onScanned = useCallback((code: string) => void check(code), [check]);

  return (
    <MobileProvider>
      <PageHeader title={t('verify.title')} />
      <main className="jz-main jz-verify">
        <ListsStatus lists={lists} failed={failed} onRefresh={() => void refresh()} />
        {verdict ? (
          <VerdictView verdict={verdict} onAgain={() => setVerdict(undefined)} />
        ) : (
          <>
            <div className="jz-verify-sources" role="group" aria-label={t('verify.source.label')}>
              {sources.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="jz-verify-source"
                  aria-pressed={source === s}
                  onClick={() => setSource(s)}
                >
                  {t(`verify.source.${s}`)}
                </button>
              ))}
            </div>
            {source === 'camera' &&
              (scanning ? (
                <CameraScanner onText={onScanned} />
              ) : (
                <Button color="primary" block className="jz-verify-button" onClick={() => setScanning(true)}>
                  {t('verify.camera.start')}
                </Button>
              ))}
            {source === 'photo' && <PhotoInput onText={onScanned} />}
            {source === 'text' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (text.trim()) void check(text);
                }}
              >
                <label htmlFor="jz-verify-text" className="jz-verify-label">
                  {t('verify.text.label')}
                </label>
                <TextArea id="jz-verify-text" value={text} onChange={setText} rows={4} placeholder="JZ1:…" />
                <Button type="submit" color="primary" block className="jz-verify-button" loading={busy}>
                  {t('verify.text.check')}
                </Button>
              </form>
            )}
            <ChallengePanel challenge={challenge} onChallenge={setChallenge} />
            <VerifierKeyPanel />
          </>
        )}
      </main>
    </MobileProvider>
  );
}
