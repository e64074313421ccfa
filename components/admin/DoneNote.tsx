import type { ReactNode } from 'react';

/** What a page reached after a redirect just did (created, moved to the trash, restored), announced to screen readers. */
export function DoneNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
      {children}
    </p>
  );
}
