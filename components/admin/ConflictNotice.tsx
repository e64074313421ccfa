'use client';

import { useTranslations } from 'next-intl';
import { DiffView, type DiffViewField } from './DiffView';

/**
 * A save refused as stale: what the newer version holds against what was
 * typed (a diff, field by field), and the button that arms the next save
 * to go over it. The texts are the caller's (a translation has a history,
 * the site settings do not).
 */
export function ConflictNotice({
  fields,
  texts,
  onKeepMine,
  testId,
}: {
  fields: DiffViewField[];
  texts: { title: string; help: string; keepMine: string };
  onKeepMine: () => void;
  testId: string;
}) {
  const diffLabels = useTranslations('Admin.diff');
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid={testId}>
      <p className="font-semibold">{texts.title}</p>
      <p className="mt-1 text-sm">{texts.help}</p>
      <div className="mt-3 max-h-96 overflow-auto bg-white p-2">
        <DiffView fields={fields} labels={{ added: diffLabels('added'), removed: diffLabels('removed'), noChanges: diffLabels('noChanges'), legend: diffLabels('legend') }} />
      </div>
      <button type="button" className="mt-3 rounded border border-iom-blue bg-white px-4 py-2 font-semibold text-iom-blue" onClick={onKeepMine}>
        {texts.keepMine}
      </button>
    </div>
  );
}
