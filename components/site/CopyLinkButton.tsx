'use client';

import { useState, useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * "Copy link": only where JavaScript runs (the server renders nothing, so a
 * reader without it never sees a button that does nothing). Says so, politely,
 * once the link is on the clipboard.
 */
export function CopyLinkButton({ url, label, done }: { url: string; label: string; done: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [copied, setCopied] = useState(false);
  if (!hydrated || !navigator.clipboard) return null;
  return (
    <li>
      <button
        type="button"
        data-testid="copy-link"
        onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        className="inline-flex min-h-11 cursor-pointer items-center rounded border border-iom-blue px-3 text-sm font-semibold text-iom-blue hover:bg-iom-mist"
      >
        {label}
      </button>
      <span role="status" className="ml-2 text-sm">
        {copied ? done : ''}
      </span>
    </li>
  );
}
