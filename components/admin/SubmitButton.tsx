'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

export function SubmitButton({ children, variant = 'primary' }: { children: ReactNode; variant?: 'primary' | 'secondary' }) {
  const { pending } = useFormStatus();
  const look =
    variant === 'primary'
      ? 'bg-iom-blue text-white hover:bg-iom-blue-dark'
      : 'border border-iom-blue bg-white text-iom-blue hover:bg-gray-50';
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${look}`}>
      {children}
    </button>
  );
}
