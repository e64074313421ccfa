import type { ReactNode } from 'react';

const LOOKS = {
  tags: { section: 'mt-10 border-t border-gray-200 pt-6', title: 'text-lg font-bold', list: 'mt-2 flex flex-wrap gap-2' },
  documents: { section: 'mt-10', title: 'text-2xl font-bold', list: 'mt-4 space-y-4' },
} as const;

/**
 * A titled list below an item's text (an article's themes, a page's
 * publications), shown only when there is something in it; the heading
 * names the section for screen readers.
 */
export function ListSection<T>({
  id,
  title,
  items,
  itemKey,
  look,
  children,
}: {
  id: string;
  title: string;
  items: readonly T[];
  itemKey: (item: T) => string | number;
  /** 'tags': small links side by side under a rule; 'documents': one below the other, with room for their details. */
  look: 'tags' | 'documents';
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  const style = LOOKS[look];
  return (
    <section aria-labelledby={id} className={style.section} data-testid={id}>
      <h2 id={id} className={style.title}>
        {title}
      </h2>
      <ul className={style.list}>
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}
