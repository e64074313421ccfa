'use client';

import { useTranslations } from 'next-intl';
import { type DragEvent, type ReactNode, useOptimistic, useState, useTransition } from 'react';
import { type MoveToState, movePageToAction } from './admin-actions';

/** What the tree needs of a page to place it; its row is rendered on the server. */
export type TreeNode = { id: number; parentId: number | null; kind: 'page' | 'link'; title: string; children: TreeNode[] };

type Move = { pageId: number; parentId: number | null; position: number };
type Zone = 'before' | 'after' | 'inside';
type Notice = { message: string; undo?: Move & { title: string } };

function find(nodes: TreeNode[], id: number): TreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = find(n.children, id);
    if (found) return found;
  }
  return null;
}

function without(nodes: TreeNode[], id: number): TreeNode[] {
  return nodes.filter((n) => n.id !== id).map((n) => ({ ...n, children: without(n.children, id) }));
}

/** The tree after a move, as the server will make it (position clamped among the new siblings). */
function applyMove(nodes: TreeNode[], move: Move): TreeNode[] {
  const node = find(nodes, move.pageId);
  if (!node) return nodes;
  const rest = without(nodes, move.pageId);
  const insert = (list: TreeNode[]) => {
    const at = Math.max(0, Math.min(move.position, list.length));
    return [...list.slice(0, at), { ...node, parentId: move.parentId }, ...list.slice(at)];
  };
  if (move.parentId === null) return insert(rest);
  return rest.map((n) => (n.id === move.parentId ? { ...n, children: insert(n.children) } : n));
}

/** Where a drop lands, or null when the tree keeps to two levels and refuses it (as the server would). */
function dropMove(nodes: TreeNode[], draggedId: number, target: TreeNode, zone: Zone): Move | null {
  const dragged = find(nodes, draggedId);
  if (!dragged || dragged.id === target.id) return null;
  if (zone === 'inside') {
    if (target.kind !== 'page' || target.parentId !== null || dragged.children.length > 0) return null;
    return { pageId: dragged.id, parentId: target.id, position: target.children.filter((c) => c.id !== dragged.id).length };
  }
  if (target.parentId !== null && dragged.children.length > 0) return null;
  const siblings = (target.parentId === null ? nodes : (find(nodes, target.parentId)?.children ?? [])).filter((n) => n.id !== dragged.id);
  const index = siblings.findIndex((n) => n.id === target.id);
  return { pageId: dragged.id, parentId: target.parentId, position: zone === 'before' ? index : index + 1 };
}

/** The top and bottom quarters of a row drop before and after it; its middle drops inside (top-level pages only). */
function zoneOf(event: DragEvent<HTMLElement>, target: TreeNode): Zone {
  const box = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - box.top) / Math.max(1, box.height);
  if (target.kind === 'page' && target.parentId === null) return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
  return y < 0.5 ? 'before' : 'after';
}

const dropStyle: Record<Zone, string> = {
  before: 'shadow-[0_-4px_0_0_var(--color-iom-blue)]',
  after: 'shadow-[0_4px_0_0_var(--color-iom-blue)]',
  inside: 'ring-4 ring-iom-blue',
};

function toggled(set: Set<number>, id: number): Set<number> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

const toolButton = 'rounded border border-iom-blue bg-white px-3 py-1 text-sm font-semibold text-iom-blue hover:bg-gray-50';

/**
 * The menu tree for staff. Sub-pages fold (folded at first, so a long menu
 * fits one screen); each row is one or two tab stops — its fold button, its
 * title and, for admins, a "Move" button that opens the up/down buttons and the
 * "move under" select (the way without dragging). Admins drag rows before,
 * after or into a top-level page: the tree changes at once, the server
 * action moves the page without reloading the document, and an "Undo"
 * button in the live region puts it back.
 */
export function PageTree({
  nodes,
  rows,
  controls,
  canMove,
}: {
  nodes: TreeNode[];
  rows: Record<number, ReactNode>;
  controls: Record<number, ReactNode>;
  canMove: boolean;
}) {
  const t = useTranslations('Admin.pages');
  const [tree, moveOptimistically] = useOptimistic(nodes, applyMove);
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const [menus, setMenus] = useState<Set<number>>(() => new Set());
  const [dragged, setDragged] = useState<number | null>(null);
  const [drop, setDrop] = useState<{ id: number; zone: Zone } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const parents = tree.filter((n) => n.children.length > 0).map((n) => n.id);

  function run(move: Move, title: string, undoing: boolean) {
    if (move.parentId !== null) setOpen((o) => new Set(o).add(move.parentId!));
    startTransition(async () => {
      moveOptimistically(move);
      const result: MoveToState = await movePageToAction({ pageId: move.pageId, parentId: move.parentId, position: move.position });
      if (result.status !== 'success' || !result.from) {
        setNotice({ message: result.message ?? t('notFound') });
        return;
      }
      setNotice(
        undoing
          ? { message: t('undone', { title }) }
          : { message: t('movedItem', { title }), undo: { pageId: move.pageId, ...result.from, title } },
      );
    });
  }

  function onDrop(event: DragEvent<HTMLElement>, target: TreeNode) {
    event.preventDefault();
    const id = dragged ?? Number(event.dataTransfer.getData('text/plain'));
    const move = dropMove(tree, id, target, zoneOf(event, target));
    setDragged(null);
    setDrop(null);
    if (move) run(move, find(tree, id)?.title ?? '', false);
  }

  function level(list: TreeNode[], depth: number): ReactNode {
    return (
      <ol className="space-y-2" data-testid="page-tree-level">
        {list.map((node) => {
          const folded = node.children.length > 0 && !open.has(node.id);
          const zone = drop?.id === node.id ? drop.zone : null;
          return (
            <li key={node.id} data-page-id={node.id} data-testid="page-tree-item">
              <div
                className={`flex items-start gap-2 rounded border border-gray-300 bg-white p-3 ${zone ? dropStyle[zone] : ''} ${dragged === node.id ? 'opacity-50' : ''}`}
                data-testid={`tree-row-${node.id}`}
                data-drop={zone ?? undefined}
                draggable={canMove}
                onDragStart={
                  canMove
                    ? (event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', String(node.id));
                        setDragged(node.id);
                      }
                    : undefined
                }
                onDragEnd={() => {
                  setDragged(null);
                  setDrop(null);
                }}
                onDragOver={
                  canMove
                    ? (event) => {
                        if (dragged === null) return;
                        const z = zoneOf(event, node);
                        if (!dropMove(tree, dragged, node, z)) return;
                        event.preventDefault();
                        event.dataTransfer.dropEffect = 'move';
                        if (drop?.id !== node.id || drop.zone !== z) setDrop({ id: node.id, zone: z });
                      }
                    : undefined
                }
                onDragLeave={() => setDrop((d) => (d?.id === node.id ? null : d))}
                onDrop={canMove ? (event) => onDrop(event, node) : undefined}
              >
                {node.children.length > 0 ? (
                  <button
                    type="button"
                    aria-expanded={!folded}
                    aria-controls={`tree-children-${node.id}`}
                    onClick={() => setOpen((o) => toggled(o, node.id))}
                    className="mt-0.5 flex h-8 min-w-8 shrink-0 items-center justify-center rounded border border-gray-400 px-1 text-sm font-semibold"
                  >
                    <span aria-hidden="true">{folded ? '▸' : '▾'}</span>
                    <span aria-hidden="true" className="ml-1">
                      {node.children.length}
                    </span>
                    <span className="sr-only">{t('subPages', { title: node.title, count: node.children.length })}</span>
                  </button>
                ) : depth === 0 ? (
                  <span aria-hidden="true" className="w-8 shrink-0" />
                ) : null}
                <div className="min-w-0 grow">{rows[node.id]}</div>
                {controls[node.id] ? (
                  <button
                    type="button"
                    aria-expanded={menus.has(node.id)}
                    aria-controls={`move-menu-${node.id}`}
                    aria-label={t('moveMenuItem', { title: node.title })}
                    onClick={() => setMenus((m) => toggled(m, node.id))}
                    className={`${toolButton} shrink-0`}
                  >
                    {t('moveMenu')}
                  </button>
                ) : null}
              </div>
              {controls[node.id] ? (
                <div id={`move-menu-${node.id}`} data-testid={`move-menu-${node.id}`} hidden={!menus.has(node.id)} className="ml-4 rounded-b border border-t-0 border-gray-300 bg-white px-3 pb-3">
                  {controls[node.id]}
                </div>
              ) : null}
              {node.children.length > 0 ? (
                <div id={`tree-children-${node.id}`} hidden={folded} className="mt-2 ml-4 border-l-2 border-gray-300 pl-4 sm:ml-8">
                  {level(node.children, depth + 1)}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    );
  }

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <button type="button" className={toolButton} onClick={() => setOpen(new Set(parents))}>
          {t('expandAll')}
        </button>
        <button type="button" className={toolButton} onClick={() => setOpen(new Set())}>
          {t('collapseAll')}
        </button>
        {canMove ? <p className="text-sm text-muted">{t('dragHint')}</p> : null}
      </div>
      <div role="status" className="mb-3 min-h-6" data-testid="tree-notice">
        {pending ? (
          <span>{t('moving')}</span>
        ) : notice ? (
          <span className="flex flex-wrap items-center gap-3">
            <span data-testid="tree-notice-text">{notice.message}</span>
            {notice.undo ? (
              <button
                type="button"
                className={toolButton}
                aria-label={t('undoItem', { title: notice.undo.title })}
                onClick={() => {
                  const { title, ...back } = notice.undo!;
                  run(back, title, true);
                }}
              >
                {t('undo')}
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {level(tree, 0)}
    </>
  );
}
