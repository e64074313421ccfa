'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useActionState, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type FormState, idleState } from '@/lib/form-state';
import { clearLocalDraft, flushLocalDrafts, localDraftKeysOf } from './LocalDraft';
import { SubmitButton } from './SubmitButton';
import { buttonClass } from './button-class';

/**
 * The sign-out button. Text typed but not saved is kept in this browser
 * (LocalDraft) so that an expired session or a closed tab loses nothing; a
 * deliberate sign-out asks first whether to keep it there for the next
 * sign-in or discard it — on a shared computer it should not stay behind.
 */
export function SignOutForm({ userId, action }: { userId: number; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations('Admin.signOut');
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const decided = useRef(false);
  const [count, setCount] = useState(0);
  // Signing out ends in a redirect; the state is only there for the action's signature.
  const [, formAction] = useActionState(action, idleState);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (decided.current) return;
    flushLocalDrafts();
    const kept = localDraftKeysOf(userId).length;
    if (kept === 0) return;
    event.preventDefault();
    // The dialog's text is complete before it opens and a screen reader reads it.
    flushSync(() => setCount(kept));
    dialogRef.current?.showModal();
  };

  const signOut = (discard: boolean) => {
    if (discard) for (const key of localDraftKeysOf(userId)) clearLocalDraft(key);
    decided.current = true;
    dialogRef.current?.close();
    formRef.current?.requestSubmit();
    // The submit event has run; should signing out fail, the next click asks again.
    decided.current = false;
  };

  return (
    <>
      <form ref={formRef} action={formAction} onSubmit={onSubmit}>
        <SubmitButton variant="secondary">{t('button')}</SubmitButton>
      </form>
      <dialog
        ref={dialogRef}
        aria-labelledby="sign-out-title"
        aria-describedby="sign-out-text"
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded bg-white p-6 text-ink shadow-lg backdrop:bg-black/50"
      >
        <h2 id="sign-out-title" className="text-xl font-bold text-iom-blue">
          {t('title')}
        </h2>
        <p id="sign-out-text" className="mt-3">
          {t('text', { count })}
        </p>
        <div className="mt-5 flex flex-wrap gap-2">
          <button type="button" className={buttonClass()} onClick={() => signOut(false)}>
            {t('keep')}
          </button>
          <button type="button" className={buttonClass('secondary')} onClick={() => signOut(true)}>
            {t('discard')}
          </button>
          <button type="button" className="rounded px-4 py-2 font-semibold text-iom-blue underline hover:bg-gray-50" onClick={() => dialogRef.current?.close()}>
            {t('cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
