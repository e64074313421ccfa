/**
 * One JSON line per event on the server's output, for whatever collects the
 * logs. Callers pass facts only: never a password, token, cookie or session.
 */
export function logError(message: string, fields: Record<string, string | number | boolean | null | undefined> = {}): void {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: message, ...fields }));
}
