'use client';

import { type FormHTMLAttributes, type ReactNode, startTransition } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> & {
  action: (formData: FormData) => void;
  children: ReactNode;
};

/**
 * A form for a server action that keeps what the user typed. React resets a
 * form after its action runs, which would wipe a long entry that the server
 * refused; this form submits the action itself so the fields keep their
 * values (the `action` attribute still works before JavaScript loads).
 */
export function ActionForm({ action, children, ...rest }: Props) {
  return (
    <form
      {...rest}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      {children}
    </form>
  );
}
