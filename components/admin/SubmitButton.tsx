'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** The form's submit button, disabled while its action runs (`pending` from useActionState, or the form's status). */
export function SubmitButton({ children, variant = 'primary', pending }: { children: ReactNode; variant?: 'primary' | 'secondary'; pending?: boolean }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  const look =
    variant === 'primary'
      ? 'bg-iom-blue text-white hover:bg-iom-blue-dark'
      : 'border border-iom-blue bg-white text-iom-blue hover:bg-gray-50';
  return (
    <button type="submit" disabled={busy} aria-disabled={busy} className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${look}`}>
      {children}
    </button>
  );
}
