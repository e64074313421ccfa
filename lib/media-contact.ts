/**
 * A contact for journalists (name, phone, e-mail) as a press release shows
 * it. Pure: the data layer checks what staff type with it, the public page
 * shows what it returns.
 */
export type MediaContact = { name: string | null; phone: string | null; email: string | null };

export const NO_MEDIA_CONTACT: MediaContact = { name: null, phone: null, email: null };

export const MEDIA_CONTACT_LIMITS = { name: 120, phone: 40, email: 254 } as const;

/** Digits, spaces and + ( ) . / - as people write phone numbers: '+355 4 225 7836', '(04) 225-7836'. */
const PHONE = /^\+?[0-9(][0-9 ()./-]*[0-9]$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>".]+(?:\.[^\s@<>".]+)+$/;

export type MediaContactField = keyof MediaContact;

/**
 * The contact as typed, trimmed (an empty field is null), or the fields that
 * are not a name, a phone number or an e-mail address.
 */
export function checkMediaContact(input: Partial<Record<MediaContactField, string | null>>): { ok: true; contact: MediaContact } | { ok: false; fields: MediaContactField[] } {
  const value = (field: MediaContactField) => {
    const v = (input[field] ?? '').trim().replace(/\s+/g, ' ');
    return v === '' ? null : v;
  };
  const contact: MediaContact = { name: value('name'), phone: value('phone'), email: value('email') };
  const bad: MediaContactField[] = [];
  if (contact.name !== null && contact.name.length > MEDIA_CONTACT_LIMITS.name) bad.push('name');
  if (contact.phone !== null && (contact.phone.length > MEDIA_CONTACT_LIMITS.phone || !PHONE.test(contact.phone) || contact.phone.replace(/\D/g, '').length < 5)) bad.push('phone');
  if (contact.email !== null && (contact.email.length > MEDIA_CONTACT_LIMITS.email || !EMAIL.test(contact.email))) bad.push('email');
  return bad.length > 0 ? { ok: false, fields: bad } : { ok: true, contact };
}

/** Whether any field of the contact is set. */
export function hasMediaContact(contact: MediaContact | null | undefined): contact is MediaContact {
  return !!contact && (contact.name !== null || contact.phone !== null || contact.email !== null);
}

/** A `tel:` address: the number's digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;
}
