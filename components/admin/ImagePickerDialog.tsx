'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { type ImageAltState, saveImageAltAction, libraryImageSearchAction } from '@/app/admin/(area)/media/actions';
import { ACCEPT_IMAGES, sendUpload } from '@/lib/media/upload';
import { sizeRefusal } from '@/lib/media/limits';
import type { LibraryImage, LibraryImagePage } from '@/db/admin/media';
import type { Locale } from '@/i18n/routing';

const LOCALES: readonly Locale[] = ['en', 'sq'];
const SEARCH_DELAY_MS = 250;

/** Whether an image can be used: inserting into a text needs it insertable in that language; a main image only needs to exist. */
function usable(image: LibraryImage, insertInto: Locale | null): boolean {
  return insertInto ? image.image !== null : true;
}

/** For useSyncExternalStore: whether the page is in the browser never changes. */
const noSubscription = () => () => {};

const lacksAlt = (image: LibraryImage, l: Locale) => !image.alt[l] && !image.decorative.includes(l);

/**
 * Choosing an image of the media library, for a main image and for "Insert
 * image": a modal <dialog> (showModal traps the focus; closing returns it to
 * the opener), a search over the whole library by file name and alt text in
 * either language, paging, badges for images without alt text in `locale`,
 * and an upload whose alt text must be saved before the image can be used.
 * `insertInto`: the text's language when inserting (the image then needs alt
 * text there); null for a main image.
 */
export function ImagePickerDialog({ open, locale, insertInto, onClose, onUse }: { open: boolean; locale: Locale; insertInto: Locale | null; onClose: () => void; onUse: (image: LibraryImage) => void }) {
  const t = useTranslations('Admin.media.dialog');
  const media = useTranslations('Admin.media');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), search: useId(), hint: useId(), upload: useId(), status: useId() };
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [found, setFound] = useState<LibraryImagePage | null>(null);
  /** The search shown: a new one is loading until its answer (or its error) came. */
  const request = JSON.stringify([query, page, insertInto ?? locale]);
  const [answeredFor, setAnsweredFor] = useState<string | null>(null);
  const loading = open && answeredFor !== request;
  const [error, setError] = useState('');
  const [selected, setSelected] = useState<LibraryImage | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  /** The image whose alt text was last sent: the form's answer is shown only beside that image. */
  const [sentFor, setSentFor] = useState<number | null>(null);
  // A saved alt text updates the chosen image (and the grid).
  const [altState, saveAlt, saving] = useActionState<ImageAltState, FormData>(async (previous, form) => {
    const state = await saveImageAltAction(previous, form);
    const saved = state.image;
    if (state.status === 'success' && saved) {
      setSelected(saved);
      setFound((f) => (f ? { ...f, items: f.items.map((i) => (i.id === saved.id ? saved : i)) } : f));
    }
    return state;
  }, { status: 'idle' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // Each opening starts afresh. (A search left from the last one would also take the first
      // Escape: in a search field that clears the text instead of closing the dialog.)
      setQuery('');
      setPage(1);
      setSelected(null);
      setError('');
      // Cleared in the page now too: React shows the emptied query only on its next render, and
      // an Escape pressed before that (a slow phone) would clear the text, not close the dialog.
      if (searchRef.current) searchRef.current.value = '';
      dialog.showModal();
      searchRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // The search runs a moment after the last key press, and again for each page.
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const answer = await libraryImageSearchAction({ query, page, locale: insertInto ?? locale });
        if (!current) return;
        if (answer.result) {
          setFound(answer.result);
          setError('');
        } else setError(answer.message ?? '');
      } catch {
        if (current) setError(media('errors.network'));
      } finally {
        if (current) setAnsweredFor(request);
      }
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, request, query, page, locale, insertInto, media]);

  async function upload(file: File) {
    setError('');
    // Over its size limit: refused here, before a byte is sent (the server checks again).
    const tooLarge = sizeRefusal(file);
    if (tooLarge) {
      setError(media(`errors.${tooLarge}`));
      return;
    }
    setUploading(file.name);
    const answer = await sendUpload(file, () => {}, () => {});
    setUploading(null);
    if (!answer?.ok) {
      setError(answer && !answer.ok && answer.message ? answer.message : media('errors.network'));
      return;
    }
    if (answer.kind !== 'image') {
      setError(media('errors.unsupportedType'));
      return;
    }
    // The new image heads the library: show the first page of everything, with it chosen.
    setQuery('');
    setPage(1);
    const first = await libraryImageSearchAction({ query: '', page: 1, locale: insertInto ?? locale });
    if (first.result) setFound(first.result);
    const image = first.result?.items.find((i) => i.id === answer.id) ?? null;
    // A new image asks for its alt text even when another copy had some: it is shown with the form.
    setSelected(image ? { ...image, fresh: true } as LibraryImage : null);
  }

  const fresh = selected ? (selected as LibraryImage & { fresh?: boolean }).fresh === true : false;
  const needsAlt = selected ? fresh || !usable(selected, insertInto) : false;
  const canUse = selected !== null && !fresh && usable(selected, insertInto);
  const answer = selected && sentFor === selected.id && altState.status === 'error' ? altState : null;

  // Rendered into <body>, outside the editor's form: its fields are not the form's, and its own form is not nested.
  // (Not in the server's render, nor in the hydration that follows it: there is no <body> to render into.)
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!mounted) return null;
  return createPortal(
    <dialog
      ref={dialogRef}
      aria-labelledby={ids.title}
      onClose={() => {
        // The next opening searches afresh, and shows that it does.
        setAnsweredFor(null);
        onClose();
      }}
      className="m-auto w-[min(64rem,calc(100vw-1rem))] max-h-[calc(100dvh-1rem)] rounded border border-gray-400 bg-white p-0 text-ink backdrop:bg-black/50"
      data-testid="image-dialog"
    >
      <div className="flex max-h-[calc(100dvh-1rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-gray-300 p-4">
          <h2 id={ids.title} className="text-xl font-bold">
            {t('title')}
          </h2>
          <button type="button" className="rounded border border-gray-500 px-3 py-1.5 text-sm hover:bg-gray-50" onClick={() => dialogRef.current?.close()}>
            {t('cancel')}
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">
          <div className="flex flex-wrap items-end gap-4">
            <div className="w-full min-w-0 sm:w-auto sm:flex-1">
              <label htmlFor={ids.search} className="block font-semibold">
                {t('search')}
              </label>
              <p id={ids.hint} className="text-sm text-muted">
                {t('searchHint')}
              </p>
              <input
                ref={searchRef}
                id={ids.search}
                type="search"
                value={query}
                maxLength={200}
                aria-describedby={ids.hint}
                className="mt-1 block w-full max-w-md rounded border border-gray-500 px-3 py-1.5"
                onChange={(event) => {
                  setQuery(event.target.value);
                  setPage(1);
                }}
                onKeyDown={(event) => {
                  // Enter searches at once (it is already running); it must never submit the editor's form.
                  if (event.key === 'Enter') event.preventDefault();
                }}
              />
            </div>
            <div>
              <label htmlFor={ids.upload} className="inline-block cursor-pointer rounded bg-iom-blue px-4 py-2 font-semibold text-white focus-within:outline-2 focus-within:outline-offset-2 hover:bg-iom-blue-dark">
                {t('upload')}
              </label>
              <input
                id={ids.upload}
                type="file"
                accept={ACCEPT_IMAGES}
                className="sr-only"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void upload(file);
                }}
              />
            </div>
          </div>
          <p id={ids.status} role="status" className="mt-3 text-sm" data-testid="image-dialog-status">
            {uploading ? t('uploading', { name: uploading }) : loading ? t('loading') : found ? t('count', { total: found.total }) : ''}
          </p>
          {error ? (
            <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
              {error}
            </p>
          ) : null}
          <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4" data-testid="image-dialog-grid">
            {found?.items.map((image) => {
              const alt = image.alt[locale] ?? image.alt[locale === 'en' ? 'sq' : 'en'] ?? t('noAltShort');
              const missing = LOCALES.filter((l) => lacksAlt(image, l));
              return (
                <li key={image.id}>
                  <button
                    type="button"
                    aria-pressed={selected?.id === image.id}
                    className="flex h-full w-full flex-col items-start gap-1 rounded border border-gray-300 p-2 text-left text-sm hover:border-iom-blue aria-pressed:border-iom-blue aria-pressed:bg-blue-50 aria-pressed:outline-2 aria-pressed:outline-iom-blue"
                    onClick={() => setSelected(image)}
                  >
                    {image.thumb ? <img src={image.thumb.src} width={image.thumb.width} height={image.thumb.height} alt="" loading="lazy" className="h-24 w-full bg-gray-100 object-contain" /> : null}
                    <span className="block w-full font-semibold break-words">{image.fileName}</span>
                    <span className="line-clamp-2 block w-full break-words">{alt}</span>
                    {missing.map((l) => (
                      <span key={l} className="rounded bg-red-50 px-1 font-semibold text-red-800" data-testid="lacks-alt">
                        {media('altMissing', { language: media(`languages.${l}`) })}
                      </span>
                    ))}
                  </button>
                </li>
              );
            })}
          </ul>
          {found && found.pages > 1 ? (
            <nav aria-label={t('pageOf', { page: found.page, pages: found.pages })} className="mt-3 flex items-center gap-3 text-sm">
              <button type="button" disabled={found.page <= 1} className="rounded border border-gray-500 px-3 py-1.5 disabled:opacity-50" onClick={() => setPage(found.page - 1)}>
                {t('previous')}
              </button>
              <span>{t('pageOf', { page: found.page, pages: found.pages })}</span>
              <button type="button" disabled={found.page >= found.pages} className="rounded border border-gray-500 px-3 py-1.5 disabled:opacity-50" onClick={() => setPage(found.page + 1)}>
                {t('next')}
              </button>
            </nav>
          ) : null}
          {selected && needsAlt ? (
            <form
              onSubmit={(event) => {
                // The dialog sits inside the editor's form in React's tree, where a submit event would bubble to it.
                event.preventDefault();
                event.stopPropagation();
                const formData = new FormData(event.currentTarget);
                setSentFor(selected.id);
                startTransition(() => saveAlt(formData));
              }}
              className="mt-4 rounded border border-gray-300 bg-gray-50 p-3" aria-labelledby={`${ids.title}-alt`} data-testid="image-dialog-alt">
              <h3 id={`${ids.title}-alt`} className="font-semibold">
                {t('altHeading')} – {selected.fileName}
              </h3>
              <p className="text-sm text-muted">{t('altNeeded')}</p>
              {answer?.message ? (
                <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
                  {answer.message}
                </p>
              ) : null}
              <input type="hidden" name="id" value={selected.id} />
              <input type="hidden" name="version" value={selected.version} />
              <input type="hidden" name="locale" value={insertInto ?? locale} />
              {LOCALES.map((l) => {
                const fieldError = answer?.fieldErrors?.[`${l}.alt`];
                return (
                  <div key={`${selected.id}-${selected.version}-${l}`} className="mt-2">
                    <label htmlFor={`${ids.title}-${l}-alt`} className="block text-sm font-semibold">
                      {t('altIn', { language: media(`languages.${l}`) })}
                    </label>
                    <input
                      id={`${ids.title}-${l}-alt`}
                      name={`${l}.alt`}
                      lang={l}
                      defaultValue={selected.alt[l] ?? ''}
                      maxLength={300}
                      aria-invalid={fieldError ? true : undefined}
                      aria-describedby={fieldError ? `${ids.title}-${l}-error` : undefined}
                      className="block w-full rounded border border-gray-500 px-3 py-1.5 aria-invalid:border-red-700"
                    />
                    {fieldError ? (
                      <p id={`${ids.title}-${l}-error`} className="text-sm font-semibold text-red-800">
                        {fieldError}
                      </p>
                    ) : null}
                    <label className="mt-1 flex items-center gap-2 text-sm">
                      <input type="checkbox" name={`${l}.decorative`} defaultChecked={selected.decorative.includes(l)} className="size-4" />
                      {t('decorativeIn', { language: media(`languages.${l}`) })}
                    </label>
                  </div>
                );
              })}
              <button type="submit" disabled={saving} className="mt-3 rounded bg-iom-blue px-4 py-2 font-semibold text-white hover:bg-iom-blue-dark disabled:opacity-60">
                {t('saveAlt')}
              </button>
            </form>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-300 p-4">
          <p className="text-sm" aria-live="polite">
            {selected ? t('selected', { name: selected.fileName }) : ''}
          </p>
          <button
            type="button"
            disabled={!canUse}
            className="rounded bg-iom-blue px-4 py-2 font-semibold text-white hover:bg-iom-blue-dark disabled:cursor-not-allowed disabled:opacity-50"
            onClick={() => {
              if (!selected || !canUse) return;
              // Closed first: the dialog gives the focus back to its opener, and onUse may move it on (into the text).
              dialogRef.current?.close();
              onUse(selected);
            }}
          >
            {t('use')}
          </button>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}
