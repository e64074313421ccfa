import type { ReactNode } from 'react';

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
  className,
  titleClassName,
  listClassName,
  testId,
  children,
}: {
  id: string;
  title: string;
  items: readonly T[];
  itemKey: (item: T) => string | number;
  className: string;
  titleClassName: string;
  listClassName: string;
  testId?: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      <ul className={listClassName}>
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}
