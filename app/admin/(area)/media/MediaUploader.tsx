'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type DragEvent, useId, useRef, useState } from 'react';
import { sizeRefusal } from '@/lib/media/limits';
import { ACCEPT_IMAGES, sendUpload, type UploadAnswer } from '@/lib/media/upload';

type Status = 'queued' | 'uploading' | 'processing' | 'done' | 'duplicate' | 'restored' | 'failed';
type Item = { key: string; name: string; status: Status; progress: number; message?: string; id?: number; kind?: 'image' | 'document' };

const ACCEPT = `${ACCEPT_IMAGES},application/pdf,.pdf`;

/**
 * Upload to the media library: a normal file input (keyboard and screen
 * reader users choose files with it), with the area around it also taking
 * dropped files. Files go one at a time, each with its own progress bar;
 * what happens is announced in a live region.
 */
export function MediaUploader() {
  const t = useTranslations('Admin.media.upload');
  const te = useTranslations('Admin.media.errors');
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState(false);
  const busy = useRef(false);
  const queue = useRef<{ key: string; file: File }[]>([]);

  const update = (key: string, change: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  async function run() {
    if (busy.current) return;
    busy.current = true;
    let ok = 0;
    let failed = 0;
    for (let next = queue.current.shift(); next; next = queue.current.shift()) {
      const { key, file } = next;
      // Over its size limit: refused here, before a byte is sent (the server checks again).
      const tooLarge = sizeRefusal(file);
      if (!tooLarge) update(key, { status: 'uploading' });
      const answer: UploadAnswer | null = tooLarge
        ? { ok: false, error: tooLarge, message: te(tooLarge) }
        : await sendUpload(
            file,
            (progress) => update(key, { progress }),
            () => update(key, { status: 'processing', progress: 1 }),
          );
      if (answer?.ok) {
        ok++;
        const status = answer.status === 'created' ? 'done' : answer.status;
        update(key, { status, progress: 1, id: answer.id, kind: answer.kind });
        setAnnouncement(`${file.name}: ${t(status)}`);
      } else {
        failed++;
        const message = answer && !answer.ok && answer.message ? answer.message : te('network');
        update(key, { status: 'failed', message });
        setAnnouncement(`${file.name}: ${t('failedStatus')}. ${message}`);
      }
    }
    busy.current = false;
    setAnnouncement(t('finished', { ok, failed }));
    // The library below shows the new files.
    router.refresh();
  }

  function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    const added = Array.from(files).map((file) => ({ key: `${Date.now()}-${Math.random()}`, file }));
    queue.current.push(...added);
    setItems((list) => [...added.map(({ key, file }) => ({ key, name: file.name, status: 'queued' as const, progress: 0 })), ...list]);
    setAnnouncement(t('started', { count: added.length }));
    void run();
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="upload-heading" className="mb-8 rounded border border-gray-200 bg-white p-6">
      <h2 id="upload-heading" className="mb-3 text-xl font-bold">
        {t('heading')}
      </h2>
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded border-2 border-dashed p-6 ${dragging ? 'border-iom-blue bg-blue-50' : 'border-gray-400'}`}
      >
        <label htmlFor={inputId} className="block font-semibold">
          {t('label')}
        </label>
        <p id={hintId} className="mb-2 text-sm text-muted">
          {dragging ? t('dropHere') : t('hint')}
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={hintId}
          onChange={(event) => {
            add(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
          className="block w-full max-w-md rounded text-sm file:mr-4 file:rounded file:border-0 file:bg-iom-blue file:px-4 file:py-2 file:font-semibold file:text-white"
        />
      </div>
      <div role="status" aria-live="polite" className="sr-only" data-testid="upload-announcement">
        {announcement}
      </div>
      {items.length > 0 ? (
        <>
          <h3 className="mt-4 mb-2 font-semibold">{t('results')}</h3>
          <ul className="space-y-2" data-testid="upload-list">
            {items.map((item) => (
              <li key={item.key} className="rounded border border-gray-200 p-3" data-status={item.status}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold break-all">{item.name}</span>
                  <span className={item.status === 'failed' ? 'font-semibold text-red-800' : 'text-sm'}>{t(item.status === 'failed' ? 'failedStatus' : item.status)}</span>
                </div>
                {item.status === 'failed' ? null : (
                  <progress max={100} value={Math.round(item.progress * 100)} aria-label={t('progress', { name: item.name })} className="mt-2 h-2 w-full" />
                )}
                {item.message ? <p className="mt-1 text-sm text-red-800">{item.message}</p> : null}
                {item.id ? (
                  <Link href={`/admin/media/${item.id}`} className="mt-1 inline-block text-sm font-semibold text-iom-blue underline">
                    {t(item.kind === 'document' ? 'editDocument' : 'edit')} <span className="sr-only">– {item.name}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
