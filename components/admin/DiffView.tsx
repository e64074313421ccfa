import type { Chunk } from '@/lib/diff';

export type DiffViewField = { label: string; chunks: Chunk[] };

export type DiffViewLabels = {
  /** Read out before added text, e.g. "added:" (Admin.diff.added). */
  added: string;
  /** Read out before removed text, e.g. "removed:" (Admin.diff.removed). */
  removed: string;
  /** Shown for a field, or for the whole view, without differences (Admin.diff.noChanges). */
  noChanges: string;
  /** Optional line explaining the marks (Admin.diff.legend). */
  legend?: string;
};

export type DiffViewProps = {
  fields: DiffViewField[];
  labels: DiffViewLabels;
  /** Level of the per-field headings (default 3). */
  headingLevel?: 2 | 3 | 4;
};

/**
 * Differences between two versions, field by field (chunks from lib/diff.ts).
 * Text only, never HTML. Added text is underlined and removed text struck
 * through (cues that do not depend on colour), each announced to screen
 * readers as "added:" / "removed:". Works in server and client components:
 * the labels come in already translated.
 *
 * Usage (server component):
 *   const t = await getTranslations('Admin.diff');
 *   const diffs = diffFields(before, after, ['title', 'summary', 'body']);
 *   <DiffView fields={diffs.map((d) => ({ label: labelFor(d.field), chunks: d.chunks }))}
 *     labels={{ added: t('added'), removed: t('removed'), noChanges: t('noChanges'), legend: t('legend') }} />
 */
export function DiffView({ fields, labels, headingLevel = 3 }: DiffViewProps) {
  const changed = fields.some((f) => hasChanges(f.chunks));
  if (!changed) {
    return (
      <p className="text-muted" data-testid="diff-no-changes">
        {labels.noChanges}
      </p>
    );
  }
  const Heading = `h${headingLevel}` as const;
  return (
    <div data-testid="diff-view">
      {labels.legend ? <p className="mb-3 text-sm text-muted">{labels.legend}</p> : null}
      {fields.map((field, index) => (
        <section key={`${index}-${field.label}`} className="mb-4">
          <Heading className="mb-1 font-semibold">{field.label}</Heading>
          {hasChanges(field.chunks) ? (
            <div className="rounded border border-gray-300 bg-white px-3 py-2 break-words whitespace-pre-wrap">
              {field.chunks.map((chunk, i) => (
                <ChunkText key={i} chunk={chunk} labels={labels} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-muted">{labels.noChanges}</p>
          )}
        </section>
      ))}
    </div>
  );
}

function hasChanges(chunks: Chunk[]): boolean {
  return chunks.some((c) => c.kind !== 'same' && c.text.trim() !== '');
}

function ChunkText({ chunk, labels }: { chunk: Chunk; labels: DiffViewLabels }) {
  if (chunk.kind === 'same' || !chunk.text.trim()) return <>{chunk.text}</>;
  // Line breaks around a change stay outside the mark, so the highlight and
  // the spoken label start at the changed text itself.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(chunk.text);
  const [lead, text, trail] = [match?.[1] ?? '', match?.[2] ?? chunk.text, match?.[3] ?? ''];
  return (
    <>
      {lead}
      {chunk.kind === 'added' ? (
        <ins className="bg-green-100 text-green-950 underline decoration-green-800 decoration-2 underline-offset-2">
          <span className="sr-only">{labels.added} </span>
          {text}
        </ins>
      ) : (
        <del className="bg-red-100 text-red-950 line-through decoration-red-800 decoration-2">
          <span className="sr-only">{labels.removed} </span>
          {text}
        </del>
      )}
      {trail}
    </>
  );
}
