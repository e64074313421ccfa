'use client';

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorProps } from '@tiptap/pm/view';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Image } from '@tiptap/extension-image';
import { Link } from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';
import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryImage } from '@/db/admin/media';
import type { Locale } from '@/i18n/routing';
import { cleanPastedHtml } from '@/lib/clean-pasted-html';
import { escapeHtml } from '@/lib/html';
import { richTextImageHtml } from '@/lib/media/rich-text';
import { isKeptHref, normalizeLinkInput } from '@/lib/rich-text-links';
import { RICHTEXT_SET_EVENT, readRichTextSetDetail } from '@/lib/richtext-dom';
import { ImagePickerDialog } from './ImagePickerDialog';

export type RichTextEditorProps = {
  /** Name of the submitted field (FormData). */
  name: string;
  /** id of the editable area (and of the fallback textarea); the label, hint and error ids derive from it. */
  id: string;
  label: string;
  /** Stored (sanitized) HTML. Read once, like an input's defaultValue; replace content later with `richtext:set`. */
  defaultValue: string;
  hint?: string;
  error?: string;
  /** Language of the text being written (`lang` on the editable area), e.g. "sq" for an Albanian body. */
  lang?: string;
  /** Called with the HTML after every change. */
  onChange?: (html: string) => void;
  /** An "Insert image" tool opening the image dialog (images with alt text in `lang`, English by default). */
  insertImages?: boolean;
};

/**
 * The no-JavaScript field as markup: a <textarea> whose every attribute and
 * its content are escaped here (the content is shown as text, never parsed).
 */
function fallbackTextarea(field: { id: string; name: string; value: string; lang?: string; describedBy?: string; invalid: boolean; className: string }): string {
  const attributes = [
    `id="${escapeHtml(field.id)}"`,
    `name="${escapeHtml(field.name)}"`,
    'rows="16"',
    'data-richtext=""',
    `class="${escapeHtml(field.className)}"`,
    field.lang ? `lang="${escapeHtml(field.lang)}"` : '',
    field.describedBy ? `aria-describedby="${escapeHtml(field.describedBy)}"` : '',
    field.invalid ? 'aria-invalid="true"' : '',
  ].filter(Boolean);
  // The HTML parser drops one newline right after <textarea>: keep a leading one of the value.
  return `<textarea ${attributes.join(' ')}>${field.value.startsWith('\n') ? '\n' : ''}${escapeHtml(field.value)}</textarea>`;
}

/**
 * An image of the media library as lib/media/rich-text.ts writes it: the
 * attributes the server's sanitizer keeps, and no others.
 */
const LibraryImage = Image.extend({
  addAttributes() {
    const keep = (name: string) => ({ default: null, parseHTML: (el: HTMLElement) => el.getAttribute(name), renderHTML: (attrs: Record<string, unknown>) => (attrs[name] ? { [name]: attrs[name] } : {}) });
    return { src: keep('src'), srcset: keep('srcset'), sizes: keep('sizes'), width: keep('width'), height: keep('height'), alt: keep('alt'), loading: keep('loading'), decoding: keep('decoding') };
  },
}).configure({ inline: false, allowBase64: false });

/**
 * A link ends where it ends: text typed right after it (a full stop, a space)
 * is not part of it, as in Word. Tiptap makes the mark inclusive when autolink
 * is on.
 */
const SiteLink = Link.extend({
  inclusive() {
    return false;
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: { rel: 'noopener noreferrer', target: null, class: null },
  isAllowedUri: (url) => isKeptHref(url),
});

/**
 * Tables as the sanitizer keeps them: rows of header (th) and data (td)
 * cells, no sizes. Tab keeps moving to the next field (as everywhere in this
 * editor, so the keyboard is never trapped); the arrow keys move between cells.
 */
const SiteTables = [
  Table.extend({
    addKeyboardShortcuts() {
      const { Tab: _tab, 'Shift-Tab': _shiftTab, ...rest } = this.parent?.() ?? {};
      return rest;
    },
  }).configure({ resizable: false, renderWrapper: false, allowTableNodeSelection: false }),
  TableRow,
  TableHeader,
  TableCell,
];

/** Exactly what the server's sanitizer allows (lib/sanitize.ts): headings 2–4, bold, italic, links, lists, quotes, tables, line breaks, images of the library. */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: false,
  }),
  SiteLink,
  ...SiteTables,
  LibraryImage,
];

type ToolState = {
  bold: boolean;
  italic: boolean;
  h2: boolean;
  h3: boolean;
  h4: boolean;
  paragraph: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  href: string;
  canUndo: boolean;
  canRedo: boolean;
};

function readToolState(editor: Editor | null): ToolState | null {
  if (!editor) return null;
  const href: unknown = editor.getAttributes('link').href;
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    h4: editor.isActive('heading', { level: 4 }),
    paragraph: editor.isActive('paragraph') && !editor.isActive('bulletList') && !editor.isActive('orderedList') && !editor.isActive('blockquote'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    href: typeof href === 'string' ? href : '',
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

type Tool = {
  key: string;
  label: string;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  look?: string;
  group: number;
};

/**
 * The rich text field of the news and page editors (Tiptap), limited to what
 * the site stores. It submits through a hidden input named `name` inside an
 * ordinary <form>; before the editor loads (and without JavaScript) the same
 * name is a <textarea> holding the HTML, so the text can still be edited and
 * saved. Both carry `data-richtext` (lib/richtext-dom.ts, RICHTEXT_ATTRIBUTE):
 * see that file for the DOM contract (the `input` event on each change,
 * `richtext:set` to replace the content).
 *
 * Keyboard: Tab and Shift+Tab move between fields as in any form (also in a
 * list); Shift+Tab (or Alt+F10) from the text reaches the toolbar, arrow keys
 * move along it, Escape goes back to the text; Ctrl/Cmd+K opens the link form;
 * Ctrl/Cmd+] and Ctrl/Cmd+[ indent and outdent a list item; Ctrl/Cmd+B, +I,
 * +Z and Shift+Ctrl/Cmd+Z work as usual.
 */
export function RichTextEditor({ name, id, label, defaultValue, hint, error, lang, onChange, insertImages }: RichTextEditorProps) {
  const t = useTranslations('Admin.richText');
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const linkFormId = `${id}-link`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  /** The value to submit. The hidden input is filled from it by hand: a hidden input's value is its
   * `value` attribute, which React would put back to `defaultValue` on every re-render. */
  const valueRef = useRef(defaultValue);
  const hiddenRef = useRef<HTMLInputElement | null>(null);
  const setHidden = useCallback((input: HTMLInputElement | null) => {
    hiddenRef.current = input;
    if (input) input.value = valueRef.current;
  }, []);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkInputRef = useRef<HTMLInputElement>(null);
  const defaultValueRef = useRef(defaultValue);
  const initialDocRef = useRef<ProseMirrorNode | null>(null);
  /** What was typed into the fallback textarea before the editor replaced it. */
  const typedBeforeLoadRef = useRef<string | null>(null);
  const onChangeRef = useRef(onChange);
  // Declared before the effects below, so that it runs before them.
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const keyHandlerRef = useRef<(event: KeyboardEvent) => boolean>(() => false);

  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState('');
  const [linkError, setLinkError] = useState(false);
  const [activeTool, setActiveTool] = useState(0);
  const [imagesOpen, setImagesOpen] = useState(false);

  const editorProps = useMemo<EditorProps>(() => {
    const attributes: Record<string, string> = {
      id,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': labelId,
      spellcheck: 'true',
      class: 'prose max-w-none min-h-64 px-3 py-2 prose-headings:text-ink prose-a:text-iom-blue',
    };
    if (describedBy) attributes['aria-describedby'] = describedBy;
    if (error) attributes['aria-invalid'] = 'true';
    if (lang) attributes.lang = lang;
    return {
      attributes,
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handleKeyDown: (_view, event) => keyHandlerRef.current(event),
    };
  }, [id, labelId, describedBy, error, lang]);

  const editor = useEditor({
    immediatelyRender: false,
    extensions: EXTENSIONS,
    content: defaultValue,
    editorProps,
    onUpdate: ({ editor: current }) => {
      // Unchanged text (also after undoing every change) is submitted exactly as it was stored,
      // so an untouched body never counts as edited.
      const initial = initialDocRef.current;
      const html = initial && current.state.doc.eq(initial) ? defaultValueRef.current : current.isEmpty ? '' : current.getHTML().replace(/<p><\/p>/g, '');
      valueRef.current = html;
      const input = hiddenRef.current;
      if (input && input.value !== html) {
        input.value = html;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      onChangeRef.current?.(html);
    },
  });

  // useEditorState answers null until the editor's first transaction: read the state directly until then.
  const tools = useEditorState({ editor, selector: ({ editor: current }) => readToolState(current) }) ?? readToolState(editor);

  // Once the editor exists: remember the stored text's document, take over what was typed
  // into the fallback textarea meanwhile, and accept content from outside (`richtext:set`).
  useEffect(() => {
    const input = hiddenRef.current;
    if (!editor || !input) return;
    initialDocRef.current ??= editor.state.doc;
    const typed = typedBeforeLoadRef.current;
    typedBeforeLoadRef.current = null;
    if (typed !== null && typed !== defaultValueRef.current) editor.commands.setContent(typed, { emitUpdate: true });
    const onSet = (event: Event) => {
      const detail = readRichTextSetDetail(event);
      if (detail) editor.commands.setContent(detail.html, { emitUpdate: true });
    };
    input.addEventListener(RICHTEXT_SET_EVENT, onSet);
    return () => input.removeEventListener(RICHTEXT_SET_EVENT, onSet);
  }, [editor]);

  const fallbackRef = useCallback((container: HTMLDivElement | null) => {
    const textarea = container?.querySelector('textarea');
    if (!textarea) return;
    const onSet = (event: Event) => {
      const detail = readRichTextSetDetail(event);
      if (!detail) return;
      textarea.value = detail.html;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    };
    textarea.addEventListener(RICHTEXT_SET_EVENT, onSet);
    return () => {
      textarea.removeEventListener(RICHTEXT_SET_EVENT, onSet);
      typedBeforeLoadRef.current = textarea.value;
    };
  }, []);

  const focusToolbar = useCallback(() => {
    const buttons = toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[Math.min(activeTool, buttons.length - 1)]?.focus();
  }, [activeTool]);

  const openLinkForm = useCallback(() => {
    if (!editor) return;
    const href: unknown = editor.getAttributes('link').href;
    setLinkValue(typeof href === 'string' ? href : '');
    setLinkError(false);
    setLinkOpen(true);
  }, [editor]);

  // The editor calls the latest key handler (it is set up once, with the first render's props).
  useEffect(() => {
    keyHandlerRef.current = (event) => {
      if (event.altKey && event.key === 'F10') {
        focusToolbar();
        return true;
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        openLinkForm();
        return true;
      }
      if (editor && (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === ']' || event.key === '[')) {
        return event.key === ']' ? editor.commands.sinkListItem('listItem') : editor.commands.liftListItem('listItem');
      }
      return false;
    };
  });

  useEffect(() => {
    if (linkOpen) linkInputRef.current?.focus();
  }, [linkOpen]);

  const closeLinkForm = () => {
    setLinkOpen(false);
    setLinkError(false);
    editor?.commands.focus();
  };

  const applyLink = () => {
    if (!editor) return;
    const href = normalizeLinkInput(linkValue);
    if (!href) {
      setLinkError(true);
      linkInputRef.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      const text = href.replace(/^mailto:/i, '');
      editor.chain().focus().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    setLinkOpen(false);
    setLinkError(false);
  };

  const insertImage = (option: LibraryImage) => {
    if (!editor || !option.image) return;
    editor.chain().focus().insertContent(richTextImageHtml(option.image)).run();
  };

  const removeLink = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    setLinkOpen(false);
    setLinkError(false);
  };

  const toolList: Tool[] =
    editor && tools
      ? [
          { key: 'bold', label: t('bold'), pressed: tools.bold, run: () => editor.chain().focus().toggleBold().run(), look: 'font-bold', group: 0 },
          { key: 'italic', label: t('italic'), pressed: tools.italic, run: () => editor.chain().focus().toggleItalic().run(), look: 'italic', group: 0 },
          { key: 'h2', label: t('heading2'), pressed: tools.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), group: 1 },
          { key: 'h3', label: t('heading3'), pressed: tools.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), group: 1 },
          { key: 'h4', label: t('heading4'), pressed: tools.h4, run: () => editor.chain().focus().toggleHeading({ level: 4 }).run(), group: 1 },
          { key: 'paragraph', label: t('paragraph'), pressed: tools.paragraph, run: () => editor.chain().focus().setParagraph().run(), group: 1 },
          { key: 'bulletList', label: t('bulletList'), pressed: tools.bulletList, run: () => editor.chain().focus().toggleBulletList().run(), group: 2 },
          { key: 'orderedList', label: t('orderedList'), pressed: tools.orderedList, run: () => editor.chain().focus().toggleOrderedList().run(), group: 2 },
          { key: 'blockquote', label: t('blockquote'), pressed: tools.blockquote, run: () => editor.chain().focus().toggleBlockquote().run(), group: 2 },
          { key: 'link', label: t('link'), expanded: linkOpen, controls: linkFormId, run: () => (linkOpen ? closeLinkForm() : openLinkForm()), group: 3 },
          { key: 'unlink', label: t('unlink'), disabled: !tools.link, run: removeLink, group: 3 },
          ...(insertImages ? [{ key: 'image', label: t('insertImage'), run: () => setImagesOpen(true), group: 3 }] : []),
          { key: 'undo', label: t('undo'), disabled: !tools.canUndo, run: () => editor.chain().focus().undo().run(), group: 4 },
          { key: 'redo', label: t('redo'), disabled: !tools.canRedo, run: () => editor.chain().focus().redo().run(), group: 4 },
        ]
      : [];

  // Toolbar keyboard (WAI-ARIA toolbar pattern): one tab stop, arrows move, Escape returns to the text.
  const onToolbarKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const current = buttons.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % buttons.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (current - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      editor?.commands.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setActiveTool(next);
    buttons[next]?.focus();
  };

  const boxClass = `mt-1 block w-full rounded border bg-white ${error ? 'border-red-700' : 'border-gray-500'}`;

  return (
    <div className="mb-4">
      <label
        id={labelId}
        htmlFor={editor ? undefined : id}
        className="block font-semibold"
        onClick={editor ? () => editor.commands.focus() : undefined}
      >
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {editor ? (
        <div className={boxClass} data-testid={`richtext-${name}`}>
          <input ref={setHidden} type="hidden" name={name} data-richtext="" />
          <div
            ref={toolbarRef}
            role="toolbar"
            aria-label={t('toolbar')}
            aria-controls={id}
            aria-keyshortcuts="Alt+F10"
            className="flex flex-wrap items-center gap-1 border-b border-gray-300 bg-gray-50 p-1"
            onKeyDown={onToolbarKeyDown}
          >
            {toolList.map((tool, index) => (
              <span key={tool.key} className="contents">
                {index > 0 && toolList[index - 1]?.group !== tool.group ? <span aria-hidden="true" className="mx-1 h-6 w-px bg-gray-300" /> : null}
                <button
                  type="button"
                  tabIndex={index === Math.min(activeTool, toolList.length - 1) ? 0 : -1}
                  aria-pressed={tool.pressed}
                  aria-expanded={tool.expanded}
                  aria-controls={tool.expanded ? tool.controls : undefined}
                  aria-disabled={tool.disabled || undefined}
                  className={`rounded border border-transparent px-2 py-1 text-sm text-ink hover:border-gray-400 hover:bg-white aria-disabled:cursor-not-allowed aria-disabled:text-gray-500 aria-disabled:hover:border-transparent aria-disabled:hover:bg-transparent aria-pressed:border-iom-blue aria-pressed:bg-iom-blue aria-pressed:text-white ${tool.look ?? ''}`}
                  // Keeps the text's selection and focus when the button is clicked with a mouse.
                  onMouseDown={(event) => event.preventDefault()}
                  onFocus={() => setActiveTool(index)}
                  onClick={() => {
                    if (!tool.disabled) tool.run();
                  }}
                >
                  {tool.label}
                </button>
              </span>
            ))}
          </div>
          {linkOpen ? (
            <div
              id={linkFormId}
              role="group"
              aria-labelledby={`${linkFormId}-title`}
              className="border-b border-gray-300 bg-gray-50 px-3 py-2"
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  closeLinkForm();
                }
              }}
            >
              <p id={`${linkFormId}-title`} className="sr-only">
                {t('linkForm')}
              </p>
              <label htmlFor={`${linkFormId}-url`} className="block text-sm font-semibold">
                {t('linkUrl')}
              </label>
              <p id={`${linkFormId}-hint`} className="text-sm text-muted">
                {t('linkUrlHint')}
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <input
                  ref={linkInputRef}
                  id={`${linkFormId}-url`}
                  type="text"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  value={linkValue}
                  aria-invalid={linkError || undefined}
                  aria-describedby={`${linkFormId}-hint${linkError ? ` ${linkFormId}-error` : ''}`}
                  className="block w-full max-w-md rounded border border-gray-500 px-3 py-1.5 aria-invalid:border-red-700"
                  onChange={(event) => {
                    setLinkValue(event.target.value);
                    if (linkError) setLinkError(false);
                  }}
                  onKeyDown={(event) => {
                    // Enter applies the link; it must never submit the surrounding form.
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      applyLink();
                    }
                  }}
                />
                <button type="button" className="rounded bg-iom-blue px-3 py-1.5 text-sm font-semibold text-white hover:bg-iom-blue-dark" onClick={applyLink}>
                  {t('linkApply')}
                </button>
                {tools?.link ? (
                  <button type="button" className="rounded border border-iom-blue bg-white px-3 py-1.5 text-sm font-semibold text-iom-blue hover:bg-gray-50" onClick={removeLink}>
                    {t('unlink')}
                  </button>
                ) : null}
                <button type="button" className="rounded border border-gray-500 bg-white px-3 py-1.5 text-sm hover:bg-gray-50" onClick={closeLinkForm}>
                  {t('linkCancel')}
                </button>
              </div>
              {linkError ? (
                <p id={`${linkFormId}-error`} className="mt-1 text-sm font-semibold text-red-800" role="alert">
                  {t('linkInvalid')}
                </p>
              ) : null}
            </div>
          ) : null}
          {insertImages ? (
            <ImagePickerDialog
              open={imagesOpen}
              locale={lang === 'sq' ? 'sq' : 'en'}
              insertInto={(lang === 'sq' ? 'sq' : 'en') satisfies Locale}
              onClose={() => setImagesOpen(false)}
              onUse={insertImage}
            />
          ) : null}
          {/* Tab and Shift+Tab move between the form's fields, as everywhere else, also inside a list
              (Tiptap would indent there): the editor never sees them. */}
          <div
            onKeyDownCapture={(event) => {
              if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) event.stopPropagation();
            }}
          >
            <EditorContent editor={editor} />
          </div>
        </div>
      ) : (
        // React would reset a <textarea> it hydrates to its default value, wiping what was typed
        // before the scripts arrived; markup it does not manage keeps it.
        <div ref={fallbackRef} dangerouslySetInnerHTML={{ __html: fallbackTextarea({ id, name, value: defaultValue, lang, describedBy, invalid: Boolean(error), className: `${boxClass} px-3 py-2 font-mono text-sm` }) }} />
      )}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
