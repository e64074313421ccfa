'use client';

import { type FormHTMLAttributes, type ReactNode, type Ref, startTransition } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> & {
  action: (formData: FormData) => void;
  children: ReactNode;
  ref?: Ref<HTMLFormElement>;
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
        // The button that submitted (e.g. "Publish" rather than "Save draft") is part of the data.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const formData = new FormData(event.currentTarget, submitter);
        startTransition(() => action(formData));
      }}
    >
      {children}
    </form>
  );
}
