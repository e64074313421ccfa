import Link from 'next/link';
import type { ReactNode } from 'react';
import { DoneNote } from '@/components/admin/DoneNote';

/**
 * The page around the editor of one item of any translated type: the way
 * back to its list, its title, a line about it, the note after it was
 * created, the editor, and (for whoever may) the move to the trash below.
 */
export function EditorFrame({
  back,
  title,
  about,
  created,
  trash,
  children,
}: {
  back: { href: string; label: string };
  title: string;
  about: ReactNode;
  /** The note shown right after the item was created, else null. */
  created: string | null;
  /** The trash button (or why the item cannot go there); null for whoever may not. */
  trash: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <>
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-1 text-sm text-muted">{about}</p>
      {created ? <DoneNote>{created}</DoneNote> : null}
      {children}
      {trash ? <div className="mt-12 border-t border-gray-300 pt-6">{trash}</div> : null}
    </>
  );
}
