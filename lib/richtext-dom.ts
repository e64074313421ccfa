/**
 * The DOM contract between the rich text editor (components/admin/RichTextEditor.tsx)
 * and whatever else works on its form (components/admin/LocalDraft.tsx, revision restore):
 *
 * - The field that is submitted carries `name` and the attribute `data-richtext`:
 *   a `<textarea>` before the editor has loaded (and without JavaScript), then
 *   an `<input type="hidden">` kept in sync with the editor.
 * - Every edit sets the field's value and dispatches a bubbling `input` event
 *   from it, so a listener on the form sees rich text edits like any other.
 * - To replace the content from outside, dispatch `richtext:set` with
 *   `{ detail: { html } }` on that field (`setRichText` below). The editor
 *   loads the HTML as an undoable change and then reports it like an edit.
 *
 * Browser-only helpers; importing the file on the server is harmless.
 */

export const RICHTEXT_ATTRIBUTE = 'data-richtext';
export const RICHTEXT_SET_EVENT = 'richtext:set';

export type RichTextSetDetail = { html: string };

/** Whether `element` is a rich text field (its hidden input, or the textarea before the editor loads). */
export function isRichTextField(element: Element): boolean {
  return (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.hasAttribute(RICHTEXT_ATTRIBUTE);
}

/** Replaces the content of a rich text field (editor loaded or not). */
export function setRichText(field: Element, html: string): void {
  field.dispatchEvent(new CustomEvent<RichTextSetDetail>(RICHTEXT_SET_EVENT, { detail: { html } }));
}

/** The rich text field named `name` in `form`, if any. */
export function findRichTextField(form: HTMLFormElement, name: string): HTMLInputElement | HTMLTextAreaElement | null {
  for (const element of Array.from(form.elements)) {
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && isRichTextField(element) && element.name === name) return element;
  }
  return null;
}

export function readRichTextSetDetail(event: Event): RichTextSetDetail | null {
  if (!(event instanceof CustomEvent)) return null;
  const detail: unknown = event.detail;
  if (typeof detail === 'object' && detail !== null && 'html' in detail && typeof detail.html === 'string') return { html: detail.html };
  return null;
}
