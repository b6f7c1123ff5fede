// The camera: the rear one by default (facingMode 'environment'), switchable; each frame goes to
// zxing-wasm (web/shared/qr-reader.ts). Frames are read at the camera's full resolution (up to
// 1920×1080 asked) because a dense version-10 code (57 modules) held at arm's length covers only a
// part of the frame; one decode at a time, so a slow phone skips frames instead of queueing them.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import { readQrText } from '../shared/qr-reader.ts';

type Facing = 'environment' | 'user';

export function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [facing, setFacing] = useState<Facing>('environment');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    async function frame() {
      const v = video.current;
      if (stopped || !v || !g) return;
      if (v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        g.drawImage(v, 0, 0);
        const text = await readQrText(g.getImageData(0, 0, canvas.width, canvas.height)).catch(
          () => undefined,
        );
        if (text && !stopped) {
          onText(text);
          return;
        }
      }
      if (!stopped) setTimeout(() => void frame(), 80);
    }
    navigator.mediaDevices
      .getUserMedia({
        audio: false,
        video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } },
      })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((tr) => tr.stop());
        video.current.srcObject = s;
        await video.current.play();
        void frame();
      })
      .catch(() => setProblem(t('verify.camera.unavailable')));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [facing, onText, t]);

  return (
    <div className="jz-verify-camera">
      {problem ? (
        <p role="alert">{problem}</p>
      ) : (
        <video ref={video} muted playsInline aria-label={t('verify.camera.view')} />
      )}
      <Button
        className="jz-verify-button"
        onClick={() => setFacing(facing === 'environment' ? 'user' : 'environment')}
      >
        {facing === 'environment' ? t('verify.camera.useFront') : t('verify.camera.useRear')}
      </Button>
    </div>
  );
}
