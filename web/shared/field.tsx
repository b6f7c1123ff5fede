// A labelled form field with its hint and its error right below it, tied together for screen
// readers (aria-describedby, aria-invalid): the server's error goes next to the field it concerns.
import { cloneElement, type ReactElement } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="jz-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="jz-hint">
          {hint}
        </span>
      )}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {error && (
        <p id={`${id}-error`} className="jz-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
