import type { FormState } from '@/lib/form-state';

/** The form's overall result, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" role="status">
      {state.message ? (
        <p
          className={`mb-4 rounded border-l-4 px-4 py-3 ${state.status === 'error' ? 'border-red-700 bg-red-50 text-red-900' : 'border-green-700 bg-green-50 text-green-900'}`}
          data-testid="form-message"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
