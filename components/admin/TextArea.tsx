import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './FieldFrame';

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled multi-line field with its hint and error tied to it for screen readers. */
export function TextArea({ name, label, error, hint, id, ...input }: Props) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className="mt-1 block w-full rounded border border-gray-500 px-3 py-2 aria-invalid:border-red-700"
        {...input}
      />
    </FieldFrame>
  );
}
