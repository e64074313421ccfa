'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass } from './button-class';

/** The form's submit button, disabled while its action runs (`pending` from useActionState, or the form's status). */
export function SubmitButton({ children, variant = 'primary', pending }: { children: ReactNode; variant?: 'primary' | 'secondary'; pending?: boolean }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button type="submit" disabled={busy} aria-disabled={busy} className={`${buttonClass(variant)} disabled:opacity-60`}>
      {children}
    </button>
  );
}
