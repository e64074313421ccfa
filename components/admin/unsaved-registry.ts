/**
 * Which forms of the open page hold changes not yet saved. Each form that
 * counts registers a check ("do my fields differ from what was last
 * saved?"); the checks run only when the answer is needed, at the moment the
 * person tries to leave (components/admin/UnsavedChanges.tsx), so typing
 * costs nothing. Browser-only; importing the file on the server is harmless.
 */

const checks = new Set<() => boolean>();

/** Registers a check; returns the function that removes it (call it when the form goes). */
export function watchUnsaved(check: () => boolean): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

/** True when some registered form differs from what was last saved. */
export function hasUnsavedChanges(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
}
