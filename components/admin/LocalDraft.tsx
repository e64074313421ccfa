'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTiranaDateTime } from '@/lib/dates';
import { isRichTextField, setRichText } from '@/lib/richtext-dom';
import { buttonClass } from './button-class';
import { watchUnsaved } from './unsaved-registry';

/**
 * Keeps what is typed into a form in this browser (localStorage), so that a
 * crash, a closed tab or an expired session loses nothing, and offers it back
 * the next time the form is opened.
 *
 * Usage, first thing inside the form (it renders only the notice, in a live
 * region that screen readers announce; its buttons do not submit):
 *
 *   <form id="news-edit" …>
 *     <LocalDraft formId="news-edit" storageKey={localDraftKey('news', user.id, item.id, locale)} baseVersion={translation.version} />
 *     …<RichTextEditor name="body" … />
 *   </form>
 *
 * The key names the item (its id; `new` only for one not yet created), so
 * text is offered back on the item it was typed into and no other. An item's
 * first save clears the `new` keys: everything typed was saved with it.
 * While the form differs from what was last saved, leaving the page asks
 * first (UnsavedChanges.tsx).
 *
 * What is kept: text-like inputs, textareas, selects, checkboxes and radios
 * that have a name, and the rich text field (hidden input with
 * `data-richtext`). Never: other hidden inputs (ids, versions, React's
 * `$ACTION_…` fields), passwords, files, buttons, disabled fields, names that
 * look like CSRF tokens, or anything inside an element with
 * `data-local-draft="off"`. Changes are stored 500 ms after the last `input`
 * or `change` event, at once when the form is submitted or the page hidden.
 * When the form is back to what it was when the page loaded, the stored text
 * is deleted.
 *
 * Clearing after a successful save, either:
 * - re-render with a different `baseVersion` (the version the save created):
 *   the stored text is deleted and the form's current values become the new
 *   starting point; or
 * - call `clearLocalDraft(storageKey)` (e.g. before navigating away after
 *   creating an item, whose key then changes from "new" to its id).
 * Submitting alone never clears: a refused or failed save keeps the text.
 */
export type LocalDraftProps = {
  /** id of the <form> whose fields are kept (fields tied to it with form="…" count too). */
  formId: string;
  /**
   * localStorage key, e.g. from `localDraftKey('news', userId, itemId ?? 'new', locale)`.
   * Include the user's id: several people may share one computer. Keys under
   * the `iom-draft:` prefix that are older than 30 days are pruned.
   */
  storageKey: string;
  /** Version of the saved record the form was loaded from; null for an item never saved. */
  baseVersion: number | null;
};

export type DraftValue = string | string[];

export type StoredDraft = {
  v: 1;
  fields: Record<string, DraftValue>;
  baseVersion: number | null;
  /** ISO 8601, UTC. */
  storedAt: string;
};

export const LOCAL_DRAFT_PREFIX = 'iom-draft:';
const SAVE_DELAY_MS = 500;
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const CLEARED_EVENT = 'localdraft:cleared';
const FLUSH_EVENT = 'localdraft:flush';

/** A storage key under the prefix that is pruned after 30 days: localDraftKey('news', 7, 12, 'sq') → "iom-draft:news:7:12:sq". */
export function localDraftKey(...parts: (string | number | null | undefined)[]): string {
  return LOCAL_DRAFT_PREFIX + parts.map((p) => (p === null || p === undefined ? 'new' : String(p))).join(':');
}

/** Deletes the kept text of `storageKey` and tells a mounted <LocalDraft> for that key to start afresh. */
export function clearLocalDraft(storageKey: string): void {
  removeDraft(storageKey);
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(CLEARED_EVENT, { detail: storageKey }));
}

/** Stores at once what every mounted <LocalDraft> is still waiting to store (e.g. before signing out). */
export function flushLocalDrafts(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(FLUSH_EVENT));
}

/** The keys of the text kept in this browser for one user (the user id is the second part of a localDraftKey). */
export function localDraftKeysOf(userId: number | string): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(LOCAL_DRAFT_PREFIX) && key.slice(LOCAL_DRAFT_PREFIX.length).split(':')[1] === String(userId) && readDraft(key)) keys.push(key);
    }
  } catch {
    // unreadable storage keeps nothing
  }
  return keys;
}

// localStorage can be missing, blocked (privacy settings) or full: every access is guarded.
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do
  }
}

function isDraftValue(value: unknown): value is DraftValue {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function parseDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return null;
    const { v, fields, baseVersion, storedAt } = data as Record<string, unknown>;
    if (v !== 1 || typeof storedAt !== 'string' || Number.isNaN(Date.parse(storedAt))) return null;
    if (!(baseVersion === null || typeof baseVersion === 'number')) return null;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
    const clean: Record<string, DraftValue> = {};
    for (const [name, value] of Object.entries(fields)) if (isDraftValue(value)) clean[name] = value;
    return { v: 1, fields: clean, baseVersion, storedAt };
  } catch {
    return null;
  }
}

function readDraft(key: string): StoredDraft | null {
  try {
    return parseDraft(storage()?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

function pruneOldDrafts(keep: string): void {
  const store = storage();
  if (!store) return;
  try {
    const now = Date.now();
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(LOCAL_DRAFT_PREFIX) && key !== keep) keys.push(key);
    }
    for (const key of keys) {
      const draft = parseDraft(store.getItem(key));
      if (!draft || now - Date.parse(draft.storedAt) > MAX_AGE_MS) store.removeItem(key);
    }
  } catch {
    // nothing to do
  }
}

function writeDraft(key: string, draft: StoredDraft): void {
  const store = storage();
  if (!store) return;
  const json = JSON.stringify(draft);
  try {
    store.setItem(key, json);
  } catch {
    // Probably full: make room by pruning old drafts, try once more, else give up quietly.
    pruneOldDrafts(key);
    try {
      store.setItem(key, json);
    } catch {
      // nothing more to do: the form itself still holds the text
    }
  }
}

type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED_INPUT_TYPES = new Set(['password', 'file', 'submit', 'button', 'reset', 'image', 'hidden']);

function isKeptField(element: Element): element is FormField {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) return false;
  if (!element.name || element.disabled) return false;
  if (/^\$ACTION|^_?csrf|csrf_?token|authenticity_token/i.test(element.name)) return false;
  if (element.closest('[data-local-draft="off"]')) return false;
  // A hidden input counts when it holds a choice made on the page (a rich text, the main image: data-watched).
  if (element instanceof HTMLInputElement && SKIPPED_INPUT_TYPES.has(element.type)) return isRichTextField(element) || element.hasAttribute('data-watched');
  return true;
}

/**
 * The kept fields' values: current ones, or with `defaults` those the page was
 * rendered with (what was typed before the scripts loaded then counts as a
 * change). A rich text field's hidden input has no default of its own: its
 * current value is used.
 */
export function collectFields(form: HTMLFormElement, { defaults = false }: { defaults?: boolean } = {}): Record<string, DraftValue> {
  const fields: Record<string, DraftValue> = {};
  for (const element of Array.from(form.elements)) {
    if (!isKeptField(element)) continue;
    const { name } = element;
    if (element instanceof HTMLSelectElement) {
      const options = Array.from(element.options);
      const chosen = options.filter((o) => (defaults ? o.defaultSelected : o.selected)).map((o) => o.value);
      if (element.multiple) fields[name] = chosen;
      // A single select without a preselected option shows its first one.
      else fields[name] = defaults ? (chosen.at(-1) ?? options[0]?.value ?? '') : element.value;
    } else if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      const list = fields[name];
      const checked = Array.isArray(list) ? list : [];
      if (defaults ? element.defaultChecked : element.checked) checked.push(element.value);
      fields[name] = checked;
    } else if (element instanceof HTMLInputElement && element.type === 'radio') {
      if (defaults ? element.defaultChecked : element.checked) fields[name] = element.value;
      else fields[name] ??= '';
    } else {
      const hidden = element instanceof HTMLInputElement && element.type === 'hidden';
      fields[name] = defaults && !hidden ? element.defaultValue : element.value;
    }
  }
  return fields;
}

function sameValue(a: DraftValue | undefined, b: DraftValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/** True when some field the two share reads differently. */
function differ(stored: Record<string, DraftValue>, current: Record<string, DraftValue>): boolean {
  return Object.keys(stored).some((name) => name in current && !sameValue(stored[name], current[name]));
}

/** True when the two hold the same fields with the same values. */
export function sameFields(a: Record<string, DraftValue>, b: Record<string, DraftValue>): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) if (!sameValue(a[name], b[name])) return false;
  return true;
}

/** Sets a value so that React-controlled fields notice too (the native setter, then the event React listens to). */
function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  if (element.value === value) return;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** Puts kept values back into the form. */
export function applyFields(form: HTMLFormElement, fields: Record<string, DraftValue>): void {
  for (const element of Array.from(form.elements)) {
    if (!isKeptField(element) || !(element.name in fields)) continue;
    const value = fields[element.name];
    if (value === undefined) continue;
    if (isRichTextField(element)) {
      if (typeof value === 'string' && value !== element.value) setRichText(element, value);
    } else if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      const want = Array.isArray(value) ? value.includes(element.value) : value === element.value;
      // click() toggles and fires the events a controlled checkbox or radio expects.
      if (element.checked !== want && (element.type === 'checkbox' || want)) element.click();
    } else if (element instanceof HTMLSelectElement && element.multiple) {
      const wanted = Array.isArray(value) ? value : [value];
      let changed = false;
      for (const option of Array.from(element.options)) {
        const selected = wanted.includes(option.value);
        if (option.selected !== selected) {
          option.selected = selected;
          changed = true;
        }
      }
      if (changed) element.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (typeof value === 'string') {
      setNativeValue(element, value);
    }
  }
}

function findForm(formId: string): HTMLFormElement | null {
  const element = document.getElementById(formId);
  return element instanceof HTMLFormElement ? element : null;
}

export function LocalDraft({ formId, storageKey, baseVersion }: LocalDraftProps) {
  const t = useTranslations('Admin.localDraft');
  const [pending, setPending] = useState<StoredDraft | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'restored' | 'discarded'; versionChanged: boolean } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  const baselineRef = useRef<Record<string, DraftValue>>({});
  const pendingRef = useRef<StoredDraft | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const baseVersionRef = useRef(baseVersion);
  // Declared before the effects below, so that it runs before them.
  useEffect(() => {
    baseVersionRef.current = baseVersion;
  }, [baseVersion]);

  const showPending = (draft: StoredDraft | null) => {
    pendingRef.current = draft;
    setPending(draft);
  };

  /** The form was saved (or its text thrown away): what it holds now is the starting point. */
  const restart = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    removeDraft(storageKey);
    const form = findForm(formId);
    baselineRef.current = form ? collectFields(form) : {};
    pendingRef.current = null;
    setPending(null);
  }, [formId, storageKey]);

  useEffect(() => {
    const form = findForm(formId);
    if (!form) return;
    pruneOldDrafts(storageKey);
    baselineRef.current = collectFields(form, { defaults: true });
    const stored = readDraft(storageKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a draft lives in the browser's storage, which the server's render cannot read: it is offered once the form is in the page
    if (stored && differ(stored.fields, collectFields(form))) showPending(stored);
    else {
      if (stored) removeDraft(storageKey);
      showPending(null);
    }
    setOutcome(null);

    const save = () => {
      timerRef.current = null;
      const fields = collectFields(form);
      if (sameFields(fields, baselineRef.current)) {
        // Back to the saved text. An earlier draft still awaiting a decision stays stored.
        if (!pendingRef.current) removeDraft(storageKey);
        return;
      }
      writeDraft(storageKey, { v: 1, fields, baseVersion: baseVersionRef.current, storedAt: new Date().toISOString() });
    };
    const schedule = () => {
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(save, SAVE_DELAY_MS);
    };
    const flush = () => {
      if (!timerRef.current) return;
      clearTimeout(timerRef.current);
      save();
    };
    // Typed before the scripts loaded: kept like any other change.
    if (!sameFields(collectFields(form), baselineRef.current)) schedule();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onCleared = (event: Event) => {
      if (event instanceof CustomEvent && event.detail === storageKey) restart();
    };

    // Differs from what was last saved: leaving the page asks first (UnsavedChanges.tsx).
    const unwatch = watchUnsaved(() => !sameFields(collectFields(form), baselineRef.current));
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.addEventListener('submit', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener(CLEARED_EVENT, onCleared);
    window.addEventListener(FLUSH_EVENT, flush);
    return () => {
      flush();
      unwatch();
      form.removeEventListener('input', schedule);
      form.removeEventListener('change', schedule);
      form.removeEventListener('submit', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener(CLEARED_EVENT, onCleared);
      window.removeEventListener(FLUSH_EVENT, flush);
    };
  }, [formId, storageKey, restart]);

  // A new base version after mount means the form has been saved.
  const seenVersionRef = useRef(baseVersion);
  useEffect(() => {
    if (seenVersionRef.current === baseVersion) return;
    seenVersionRef.current = baseVersion;
    restart();
    setOutcome(null);
  }, [baseVersion, restart]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const restore = () => {
    const form = findForm(formId);
    if (!pending || !form) return;
    const versionChanged = pending.baseVersion !== baseVersion;
    showPending(null);
    applyFields(form, pending.fields);
    setOutcome({ kind: 'restored', versionChanged });
  };

  const discard = () => {
    removeDraft(storageKey);
    showPending(null);
    setOutcome({ kind: 'discarded', versionChanged: false });
  };

  const versionChanged = pending ? pending.baseVersion !== baseVersion : false;

  return (
    <div role="status" data-testid="local-draft">
      {pending ? (
        <div id={`${formId}-local-draft`} tabIndex={-1} aria-labelledby={`${formId}-local-draft-title`} className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <p id={`${formId}-local-draft-title`} className="font-semibold">
            {t('title')}
          </p>
          <p>{t('found', { time: formatTiranaDateTime(new Date(pending.storedAt)) })}</p>
          {versionChanged ? <p className="mt-1 font-semibold">{t('versionChanged')}</p> : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonClass()} onClick={restore}>
              {t('restore')}
            </button>
            <button type="button" className={buttonClass('secondary')} onClick={discard}>
              {t('discard')}
            </button>
          </div>
        </div>
      ) : outcome ? (
        <p ref={outcomeRef} tabIndex={-1} className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t(outcome.kind)}
          {outcome.versionChanged ? ` ${t('versionChanged')}` : null}
        </p>
      ) : null}
    </div>
  );
}
