'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { DataTable } from '@/components/admin/DataTable';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import type { FormState } from '@/lib/form-state';
import { idleState } from '@/lib/form-state';

type Language = { title: string; address: string | null } | null;

export type TrashRow = {
  id: number;
  /** In the editor's language, else the other one. */
  title: string;
  translations: { en: Language; sq: Language };
  deletedAtLabel: string;
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The trash of any translated type as a table, with restore, delete for good
 * and empty the trash. `idName`: the form field the type's actions read.
 * The answers are shown above the table, not in the row: the row leaves the
 * table when the action succeeds, and its answer must stay to be read.
 */
export function TrashTable({
  rows,
  headers,
  idName,
  restoreAction,
  deleteAction,
  emptyWarning,
  testId,
}: {
  rows: TrashRow[];
  headers: string[];
  idName: string;
  restoreAction: Action;
  deleteAction: Action;
  emptyWarning: string;
  testId: string;
}) {
  const t = useTranslations('Admin');
  const [restoreState, restore, restoring] = useActionState(restoreAction, idleState);
  const [deleteState, remove, removing] = useActionState(deleteAction, idleState);
  const [confirming, setConfirming] = useState<number | 'all' | null>(null);
  const cell = (tr: Language, locale: 'en' | 'sq') =>
    tr ? (
      <>
        <span lang={locale}>{tr.title}</span>
        {tr.address ? <span className="block text-sm text-muted">{tr.address}</span> : null}
      </>
    ) : (
      <span className="text-muted italic">{t('editor.notWritten')}</span>
    );
  const deleteButton = (which: number | 'all', label: React.ReactNode) => (
    <button type="button" onClick={() => setConfirming(which)} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800">
      {label}
    </button>
  );
  return (
    <>
      <FormMessage state={restoreState} />
      <FormMessage state={deleteState} />
      {rows.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <>
          <DataTable headers={headers} testId={testId}>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-gray-200 align-top">
                <td className="p-2">{cell(row.translations.en, 'en')}</td>
                <td className="p-2">{cell(row.translations.sq, 'sq')}</td>
                <td className="p-2">{row.deletedAtLabel}</td>
                <td className="p-2">
                  <div className="flex flex-wrap items-start gap-2">
                    <ActionForm action={restore} aria-label={t('trash.restoreItem', { title: row.title })}>
                      <input type="hidden" name={idName} value={row.id} />
                      <SubmitButton pending={restoring} variant="secondary">
                        {t('trash.restore')}
                        <span className="sr-only">: {row.title}</span>
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm action={remove} aria-label={t('trash.deleteItem', { title: row.title })}>
                      <input type="hidden" name={idName} value={row.id} />
                      {confirming === row.id ? (
                        <span className="flex flex-wrap items-center gap-2">
                          <span className="text-sm font-semibold text-red-800">{t('trash.deleteWarning')}</span>
                          <SubmitButton pending={removing}>
                            {t('trash.deleteConfirm')}
                            <span className="sr-only">: {row.title}</span>
                          </SubmitButton>
                        </span>
                      ) : (
                        deleteButton(
                          row.id,
                          <>
                            {t('trash.delete')}
                            <span className="sr-only">: {row.title}</span>
                          </>,
                        )
                      )}
                    </ActionForm>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          <ActionForm action={remove} className="mt-6" aria-label={t('trash.emptyAll')}>
            <input type="hidden" name={idName} value="all" />
            {confirming === 'all' ? (
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-red-800">{emptyWarning}</span>
                <SubmitButton pending={removing}>{t('trash.emptyConfirm')}</SubmitButton>
              </p>
            ) : (
              deleteButton('all', t('trash.emptyAll'))
            )}
          </ActionForm>
        </>
      )}
    </>
  );
}
