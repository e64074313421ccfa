'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FieldFrame } from '@/components/admin/FieldFrame';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { createPageAction, movePageUpDownAction, movePageAction } from './admin-actions';

export type ParentOption = { id: number; label: string; depth: number };

const button = 'rounded border border-iom-blue bg-white px-3 py-1 text-sm font-semibold text-iom-blue hover:bg-gray-50 disabled:border-gray-400 disabled:text-gray-600';

function indent(depth: number) {
  return '\u00a0\u00a0'.repeat(depth * 2);
}

/**
 * An admin's controls for one page of the tree: one place up or down among
 * its siblings, or under another page. Plain buttons and a select, so the
 * keyboard and screen readers do everything a mouse does.
 */
export function MoveControls({
  pageId,
  title,
  isFirst,
  isLast,
  parentId,
  parentOptions,
}: {
  pageId: number;
  title: string;
  isFirst: boolean;
  isLast: boolean;
  parentId: number | null;
  parentOptions: ParentOption[];
}) {
  const t = useTranslations('Admin.pages');
  const [stepState, step, stepping] = useActionState(movePageUpDownAction, idleState);
  const [underState, under, moving] = useActionState(movePageAction, idleState);
  const lastDirection = useRef<'up' | 'down' | null>(null);

  // The row moved, and the browser may have dropped the focus with it: put it back on the button used
  // (or on the other one when the row reached the edge).
  useEffect(() => {
    if (stepState.status !== 'success' || !lastDirection.current) return;
    const wanted = document.getElementById(`move-${lastDirection.current}-${pageId}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${lastDirection.current === 'up' ? 'down' : 'up'}-${pageId}`) as HTMLButtonElement | null;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [stepState, pageId]);

  return (
    <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-2" data-testid={`move-controls-${pageId}`}>
      <ActionForm action={step} aria-label={t('reorderItem', { title })} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="pageId" value={pageId} />
        <button
          id={`move-up-${pageId}`}
          type="submit"
          name="direction"
          value="up"
          disabled={isFirst || stepping}
          onClick={() => (lastDirection.current = 'up')}
          aria-label={t('moveUpItem', { title })}
          className={button}
        >
          {t('moveUp')}
        </button>
        <button
          id={`move-down-${pageId}`}
          type="submit"
          name="direction"
          value="down"
          disabled={isLast || stepping}
          onClick={() => (lastDirection.current = 'down')}
          aria-label={t('moveDownItem', { title })}
          className={button}
        >
          {t('moveDown')}
        </button>
        <FormMessage state={stepState} />
      </ActionForm>
      <ActionForm action={under} aria-label={t('moveUnderItem', { title })} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="pageId" value={pageId} />
        <div>
          <label htmlFor={`parent-${pageId}`} className="block text-sm font-semibold">
            {t('moveUnder')}
            <span className="sr-only"> ({title})</span>
          </label>
          <select id={`parent-${pageId}`} name="parentId" defaultValue={parentId ?? ''} className="mt-1 max-w-xs rounded border border-gray-500 px-2 py-1 text-sm">
            <option value="">{t('topLevel')}</option>
            {parentOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {indent(o.depth)}
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={moving} aria-label={t('moveItem', { title })} className={button}>
          {t('move')}
        </button>
        <FormMessage state={underState} />
      </ActionForm>
    </div>
  );
}

/** Adds a page, or a menu link to another site, at the end of the chosen parent's children. */
export function AddToTree({ parentOptions }: { parentOptions: ParentOption[] }) {
  const t = useTranslations('Admin.pages');
  const [pageState, addPage, addingPage] = useActionState(createPageAction, idleState);
  const [linkState, addLink, addingLink] = useActionState(createPageAction, idleState);
  const parentSelect = (id: string) => (
    <FieldFrame id={id} label={t('parent')}>
      <select id={id} name="parentId" defaultValue="" className="mt-1 block w-full max-w-md rounded border border-gray-500 px-3 py-2">
        <option value="">{t('topLevel')}</option>
        {parentOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {indent(o.depth)}
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ActionForm action={addPage} aria-labelledby="add-page-title" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="add-page-title" className="mb-2 text-xl font-bold">
          {t('addPage')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('addPageHelp')}</p>
        <FormMessage state={pageState} />
        <input type="hidden" name="kind" value="page" />
        {parentSelect('add-page-parent')}
        <SubmitButton pending={addingPage}>{t('addPage')}</SubmitButton>
      </ActionForm>
      <ActionForm action={addLink} aria-labelledby="add-link-title" className="rounded border border-gray-300 bg-white p-4" noValidate>
        <h2 id="add-link-title" className="mb-2 text-xl font-bold">
          {t('addLink')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('addLinkHelp')}</p>
        <FormMessage state={linkState} />
        <input type="hidden" name="kind" value="link" />
        {parentSelect('add-link-parent')}
        <Field
          id="add-link-url"
          name="url"
          type="url"
          label={t('linkUrl')}
          hint={t('linkUrlHint')}
          required
          maxLength={2000}
          autoCapitalize="none"
          spellCheck={false}
          error={linkState.fieldErrors?.url}
        />
        <SubmitButton pending={addingLink}>{t('addLink')}</SubmitButton>
      </ActionForm>
    </div>
  );
}
