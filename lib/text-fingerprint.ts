import { createHash } from 'node:crypto';

/**
 * What "the text" of a translation is, for stale-translation warnings: a
 * hash of its title, summary and body. SQLite computes the same value (the
 * function text_fingerprint, db/client.ts) to keep each translation's
 * stored fingerprint (its text_fingerprint column) up to date.
 */
export function textFingerprint(t: { title: string; summary: string; body: string }): string {
  return createHash('sha256').update(`${t.title}\u0000${t.summary}\u0000${t.body}`).digest('hex');
}
