import { escapeUTF8 } from 'entities';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return escapeUTF8(text).replace(
    // Characters XML 1.0 does not allow at all.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    '',
  );
}
