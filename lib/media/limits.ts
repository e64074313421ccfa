/**
 * Upload size limits, shared by the server (lib/media/prepare.ts, the
 * authority) and the upload form, which refuses a file over its limit before
 * sending a byte. The browser picks the limit from the file's name and type
 * only; the server decides the type from the bytes.
 */
export const UPLOAD_BYTE_LIMITS = {
  imageBytes: 15 * 1024 * 1024,
  documentBytes: 40 * 1024 * 1024,
} as const;

/** Whether a file's name or declared type says PDF (not proof of anything: only which limit to apply). */
export function namedAsPdf(file: { name: string; type?: string }): boolean {
  return /\.pdf$/i.test(file.name.trim()) || file.type === 'application/pdf';
}

/** The refusal the browser can already give for a file's size, or null. */
export function sizeRefusal(file: { name: string; type?: string; size: number }): 'imageTooLarge' | 'documentTooLarge' | null {
  if (namedAsPdf(file)) return file.size > UPLOAD_BYTE_LIMITS.documentBytes ? 'documentTooLarge' : null;
  return file.size > UPLOAD_BYTE_LIMITS.imageBytes ? 'imageTooLarge' : null;
}
