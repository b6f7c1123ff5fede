// One material of an application: taken with the camera or chosen as an image or PDF, checked for
// type (by the file's first bytes, as the server does) and size before anything is uploaded.
import { useRef, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import {
  MAX_MATERIAL_BYTES,
  materialContentTypes,
  type MaterialContentType,
} from '../../src/domain/applications/material-files.ts';

export interface ChosenFile {
  name: string;
  size: number;
  contentType: MaterialContentType;
  /** base64 of the file. */
  content: string;
}

const magic: [MaterialContentType, number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
];

function typeOf(bytes: Uint8Array): MaterialContentType | undefined {
  return magic.find(([, m]) => m.every((b, i) => bytes[i] === b))?.[0];
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Reads and checks a file; throws the translated reason it cannot be sent. */
export async function readMaterial(file: File, t: TFunction): Promise<ChosenFile> {
  if (file.size > MAX_MATERIAL_BYTES)
    throw new Error(t('wallet.apply.fileSize', { mb: MAX_MATERIAL_BYTES / 1024 / 1024 }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = typeOf(bytes);
  if (!contentType || !materialContentTypes.includes(contentType))
    throw new Error(t('wallet.apply.fileType'));
  return { name: file.name, size: file.size, contentType, content: base64(bytes) };
}

const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

interface Props {
  id: string;
  label: string;
  value: ChosenFile | undefined;
  error: string | undefined;
  /** Said under the buttons while nothing is chosen (e.g. which file to choose again). */
  hint?: string | undefined;
  onChange: (file: ChosenFile | undefined, error?: string) => void;
}

export function MaterialInput({ id, label, value, error, hint, onChange }: Props) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const chosen = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again after an error
    if (!file) return;
    try {
      onChange(await readMaterial(file, t));
    } catch (err) {
      onChange(undefined, err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <fieldset className="jz-field jz-material" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <div className="jz-material-buttons">
        <Button onClick={() => camera.current?.click()}>{t('wallet.apply.takePhoto')}</Button>
        <Button onClick={() => picker.current?.click()}>{t('wallet.apply.chooseFile')}</Button>
      </div>
      <input
        ref={camera}
        id={`${id}-camera`}
        type="file"
        accept="image/jpeg,image/png"
        capture="environment"
        hidden
        onChange={(e) => void chosen(e)}
      />
      <input
        ref={picker}
        id={`${id}-file`}
        data-testid={`${id}-file`}
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        hidden
        onChange={(e) => void chosen(e)}
      />
      {!value && hint && <p className="jz-hint">{hint}</p>}
      {value && (
        <p className="jz-hint">
          {t('wallet.apply.fileChosen', { name: value.name, size: sizeText(value.size) })}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="jz-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
