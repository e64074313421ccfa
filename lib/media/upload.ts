/**
 * The browser's side of an upload to the media library (POST
 * /api/media/upload: the raw bytes, the name in X-File-Name), shared by the
 * library's uploader and the image dialog.
 */

/** What the file input offers for images (the server decides the type from the bytes). */
export const ACCEPT_IMAGES = 'image/jpeg,image/png,image/webp,image/avif,.jpg,.jpeg,.png,.webp,.avif';

/** The upload route's answer (app/api/media/upload/route.ts). */
export type UploadAnswer =
  | { ok: true; id: number; kind: 'image' | 'document'; status: 'created' | 'duplicate' | 'restored' }
  | { ok: false; error: string; message: string };

/** Sends one file; resolves with the server's answer (or a network failure). */
export function sendUpload(file: File, onProgress: (fraction: number) => void, onSent: () => void): Promise<UploadAnswer | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media/upload');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = onSent;
    xhr.onload = () => resolve((xhr.response as UploadAnswer | null) ?? null);
    xhr.onerror = () => resolve(null);
    xhr.onabort = () => resolve(null);
    xhr.send(file);
  });
}
