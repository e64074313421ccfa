'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FormState } from '@/lib/form-state';
import { buttonClass } from './button-class';
import { collectFields, type DraftValue, sameFields } from './LocalDraft';
import { hasUnsavedChanges, watchUnsaved } from './unsaved-registry';

/**
 * Leaving a page of the editor area with unsaved changes asks first.
 *
 * - Closing the tab or window, reloading, or typing another address: the
 *   browser's own "Leave site?" question (`beforeunload`; its wording is the
 *   browser's, and Chromium asks only once the page has been used).
 * - Clicking (or pressing Enter on) a link of the area that opens in the same
 *   tab: a dialog in the editor's language, "Stay on this page" first.
 *
 * Mounted once in the area's layout. Forms take part through LocalDraft (the
 * language forms) or useUnsavedForm (the others).
 */
export function UnsavedChangesGuard() {
  const t = useTranslations('Admin.unsaved');
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<URL | null>(null);
  /** Set once the person chose to leave by a full page load: the browser should not ask again. */
  const leaving = useRef(false);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current || !hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      // A new tab or a download leaves this page as it is.
      if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      const here = new URL(window.location.href);
      // A link within the page (the skip link) goes nowhere.
      if (url.origin === here.origin && url.pathname === here.pathname && url.search === here.search && url.hash !== '') return;
      if (!hasUnsavedChanges()) return;
      // Before Next's <Link> (and the browser) act on the click.
      event.preventDefault();
      event.stopPropagation();
      // The dialog's text is complete before it opens and a screen reader reads it.
      flushSync(() => setTarget(url));
      dialogRef.current?.showModal();
    };
    const onPageShow = () => {
      leaving.current = false;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // Capture on window runs before React's own listeners on the page.
    window.addEventListener('click', onClick, true);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, []);

  const leave = () => {
    dialogRef.current?.close();
    if (!target) return;
    if (target.origin === window.location.origin && (target.pathname === '/admin' || target.pathname.startsWith('/admin/'))) {
      router.push(target.pathname + target.search + target.hash);
    } else {
      leaving.current = true;
      window.location.assign(target.href);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded bg-white p-6 text-ink shadow-lg backdrop:bg-black/50"
      data-testid="unsaved-dialog"
    >
      <h2 id="unsaved-title" className="text-xl font-bold text-iom-blue">
        {t('title')}
      </h2>
      <p id="unsaved-text" className="mt-3">
        {t('text')}
      </p>
      <div className="mt-5 flex flex-wrap gap-2">
        <button type="button" className={buttonClass()} onClick={() => dialogRef.current?.close()}>
          {t('stay')}
        </button>
        <button type="button" className={buttonClass('secondary')} onClick={leave}>
          {t('leave')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Counts a form without a local draft (shared fields, main image, …) as
 * unsaved while its fields differ from those it was rendered with or, after
 * a successful save (`state`), from those it then held.
 */
export function useUnsavedForm(formRef: RefObject<HTMLFormElement | null>, state: FormState) {
  const baseline = useRef<Record<string, DraftValue> | null>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    baseline.current = collectFields(form, { defaults: true });
    return watchUnsaved(() => baseline.current !== null && !sameFields(collectFields(form), baseline.current));
  }, [formRef]);
  useEffect(() => {
    if (state.status === 'success' && formRef.current) baseline.current = collectFields(formRef.current);
  }, [state, formRef]);
}
