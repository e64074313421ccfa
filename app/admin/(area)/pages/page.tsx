import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { pageTree } from '@/db/admin/pages';
import type { StaffPageNode } from '@/db/content/page-tree';
import type { Locale } from '@/i18n/routing';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/params';
import { PageTree, type TreeNode } from './PageTree';
import { AddToTree, MoveControls, type ParentOption } from './TreeControls';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.pages' });
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
type Messages = Awaited<ReturnType<typeof getTranslations<'Admin'>>>;

function titleOf(node: StaffPageNode, locale: Locale, untitled: string): string {
  return node.translations[locale]?.title ?? node.translations.en?.title ?? node.translations.sq?.title ?? untitled;
}

/** The language titleOf() took the title from (none for "untitled", which is in the editor's language). */
function titleLocale(node: StaffPageNode, locale: Locale): Locale | undefined {
  return node.translations[locale] ? locale : node.translations.en ? 'en' : node.translations.sq ? 'sq' : undefined;
}

/** Every page that may take children: the top-level pages (the menu shows two levels; links take none). */
function parentOptions(nodes: StaffPageNode[], locale: Locale, untitled: string): ParentOption[] {
  return nodes.flatMap((n) => (n.kind === 'page' ? [{ id: n.id, label: titleOf(n, locale, untitled), depth: 0 }] : []));
}

function descendantIds(node: StaffPageNode): Set<number> {
  const out = new Set<number>([node.id]);
  for (const c of node.children) for (const id of descendantIds(c)) out.add(id);
  return out;
}

function findNode(nodes: StaffPageNode[], id: number): StaffPageNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return null;
}

export default async function PagesTreePage({ searchParams }: { searchParams: Search }) {
  const me = await requireUserForPage(undefined, '/admin/pages');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const tree = await pageTree();
  const sp = await searchParams;
  const isAdmin = me.role === 'admin';
  const untitled = t('pages.untitled');
  const allParents = parentOptions(tree, me.preferredLocale, untitled);
  const movedId = parseIdParam(sp.moved);
  const moved = movedId !== null ? findNode(tree, movedId) : null;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('pages.title')}</h1>
        {isAdmin ? (
          <p>
            <Link href="/admin/pages/trash" className="px-2 py-2 font-semibold">
              {t('pages.trashLink')}
            </Link>
          </p>
        ) : null}
      </div>
      {sp.trashed === '1' ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {t('pages.trashed')}
        </p>
      ) : null}
      {moved ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {t('pages.movedUnder', { title: titleOf(moved, me.preferredLocale, untitled) })}
        </p>
      ) : null}
      <p className="mt-2 mb-6 text-muted">{isAdmin ? t('pages.introAdmin') : t('pages.intro')}</p>
      {isAdmin ? (
        <section aria-label={t('pages.addTitle')} className="mb-8">
          <AddToTree parentOptions={allParents} />
        </section>
      ) : null}
      <section aria-labelledby="tree-title">
        <h2 id="tree-title" className="mb-3 text-xl font-bold">
          {t('pages.tree')}
        </h2>
        <PageTree {...treeProps(tree, t, me.preferredLocale, isAdmin, allParents, untitled)} canMove={isAdmin} />
      </section>
    </>
  );
}

/** The tree's shape for the client, with each row's text and (for admins) its move controls rendered here. */
function treeProps(tree: StaffPageNode[], t: Messages, uiLocale: Locale, isAdmin: boolean, allParents: ParentOption[], untitled: string) {
  const rows: Record<number, ReactNode> = {};
  const controls: Record<number, ReactNode> = {};
  const shape = (nodes: StaffPageNode[]): TreeNode[] =>
    nodes.map((node, index) => {
      const title = titleOf(node, uiLocale, untitled);
      const excluded = descendantIds(node);
      rows[node.id] = <RowText node={node} title={title} t={t} uiLocale={uiLocale} />;
      if (isAdmin) {
        controls[node.id] = (
          <MoveControls
            pageId={node.id}
            title={title}
            isFirst={index === 0}
            isLast={index === nodes.length - 1}
            parentId={node.parentId}
            parentOptions={node.children.length > 0 ? [] : allParents.filter((o) => !excluded.has(o.id))}
          />
        );
      }
      return { id: node.id, parentId: node.parentId, kind: node.kind, title, children: shape(node.children) };
    });
  return { nodes: shape(tree), rows, controls };
}

function RowText({ node, title, t, uiLocale }: { node: StaffPageNode; title: string; t: Messages; uiLocale: Locale }) {
  return (
    <>
      <p className="font-bold">
        <Link href={`/admin/pages/${node.id}`} lang={titleLocale(node, uiLocale)} className="underline">
          {title}
        </Link>
        {node.kind === 'link' ? <span className="ml-2 text-sm font-normal text-muted">({t('pages.kindLink')})</span> : null}
      </p>
      {node.kind === 'link' && node.externalUrl ? <p className="text-sm break-all text-muted">{node.externalUrl}</p> : null}
      <ul className="mt-1 text-sm">
        {(['en', 'sq'] as const).map((l) => (
          <LanguageLine key={l} node={node} locale={l} t={t} />
        ))}
      </ul>
    </>
  );
}

function LanguageLine({ node, locale, t }: { node: StaffPageNode; locale: Locale; t: Messages }) {
  const tr = node.translations[locale];
  return (
    <li data-testid={`tree-${locale}`}>
      <span className="font-semibold">{t(`editor.language.${locale}`)}:</span>{' '}
      {tr ? (
        <>
          <span lang={locale}>{tr.menuTitle && tr.menuTitle !== tr.title ? `${tr.title} (${tr.menuTitle})` : tr.title}</span>
          {tr.path ? <span className="text-muted"> · /{locale === 'sq' ? `sq/${tr.path}` : tr.path}</span> : null}
          {' · '}
          <span data-testid={`tree-status-${locale}`}>{t(`pages.statuses.${tr.status}`)}</span>
          {tr.stale ? (
            <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 font-semibold text-ink" data-testid={`tree-stale-${locale}`}>
              {t('news.stale')}
            </span>
          ) : null}
          {tr.isPlaceholder ? (
            <span className="ml-2 rounded bg-gray-100 px-2 py-0.5 font-semibold text-ink" data-testid={`tree-placeholder-${locale}`}>
              {t('pages.placeholder')}
            </span>
          ) : null}
        </>
      ) : (
        <span className="text-muted italic">{t('editor.notWritten')}</span>
      )}
    </li>
  );
}
