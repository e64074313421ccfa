import { z } from 'zod';

/**
 * The site settings' rules, without the database (db/site-settings.ts
 * stores them): which fields there are, how long each may be, what a phone
 * number, the map link and each social account must look like, and the
 * `tel:` address made from a number. The admin form, the save and the
 * public footer all read them from here.
 */

export const SOCIAL_NETWORKS = ['facebook', 'x', 'linkedin', 'instagram', 'youtube'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/** The hosts each account may live on (https only). */
export const SOCIAL_HOSTS: Record<SocialNetwork, readonly string[]> = {
  facebook: ['facebook.com', 'www.facebook.com', 'm.facebook.com'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com'],
  linkedin: ['linkedin.com', 'www.linkedin.com'],
  instagram: ['instagram.com', 'www.instagram.com'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
};

/** The map link: OpenStreetMap only (a link, never an embedded map or a third-party script). */
export const MAP_HOSTS = ['openstreetmap.org', 'www.openstreetmap.org'] as const;

/** How many phone numbers the form offers (empty rows are dropped). */
export const PHONE_SLOTS = 4;

export const LIMITS = {
  address: 500,
  openingHours: 500,
  phoneNumber: 40,
  phoneLabel: 80,
  mediaName: 120,
  url: 500,
  /** RFC 5321's limit, as staff accounts' (lib/auth/validation.ts). */
  email: 254,
} as const;

export type Phone = { number: string; labelEn: string; labelSq: string };

export const SOCIAL_FIELDS = { facebook: 'facebookUrl', x: 'xUrl', linkedin: 'linkedinUrl', instagram: 'instagramUrl', youtube: 'youtubeUrl' } as const satisfies Record<SocialNetwork, string>;
type SocialField = (typeof SOCIAL_FIELDS)[SocialNetwork];

/** The settings as an administrator saves them (and as they are stored). */
export type SiteSettingsValues = {
  addressEn: string;
  addressSq: string;
  openingHoursEn: string;
  openingHoursSq: string;
  email: string;
  phones: Phone[];
  mediaName: string;
  mediaPhone: string;
  mediaEmail: string;
  mapUrl: string;
  shareImageId: number | null;
  logoId: number | null;
} & Record<SocialField, string>;

export const EMPTY_SETTINGS: SiteSettingsValues = {
  addressEn: '',
  addressSq: '',
  openingHoursEn: '',
  openingHoursSq: '',
  email: '',
  phones: [],
  mediaName: '',
  mediaPhone: '',
  mediaEmail: '',
  mapUrl: '',
  facebookUrl: '',
  xUrl: '',
  linkedinUrl: '',
  instagramUrl: '',
  youtubeUrl: '',
  shareImageId: null,
  logoId: null,
};

/** Why a field was refused; the form says it in the administrator's language (Admin.settings.errors). */
export type SettingsErrorCode = 'tooLong' | 'email' | 'phone' | 'phoneMissing' | 'mapUrl' | 'socialUrl' | 'imageNotFound' | 'notImage';
/** Errors by field name as the form names them ('addressEn', 'phones.0.number', 'facebookUrl'). */
export type SettingsFieldErrors = Partial<Record<string, SettingsErrorCode>>;

/**
 * A phone number in E.164 (`+35542257836`), or null when it cannot be one.
 * Accepts the international form (`+355 4 225 7836`, `00355 …`) and an
 * Albanian number written nationally (`04 225 7836`: +355 without the 0).
 * Spaces, dots, hyphens, slashes and brackets are separators.
 */
export function e164(number: string): string | null {
  const compact = number.trim().replace(/[\s.\-/()]/g, '');
  let international: string;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (compact.startsWith('0')) international = `+355${compact.slice(1)}`;
  else return null;
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : null;
}

/** The `tel:` address of a valid number (see e164). */
export function telHref(number: string): string | null {
  const n = e164(number);
  return n ? `tel:${n}` : null;
}

/** An https address on one of `hosts`, without a user name, password or port; the path `/` alone only when `bare` allows it. */
export function isHttpsUrlOn(value: string, hosts: readonly string[], options: { bare?: boolean } = {}): boolean {
  if (value.length > LIMITS.url || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  if (!hosts.includes(url.hostname.toLowerCase())) return false;
  return options.bare || url.pathname.length > 1 || url.search.length > 0 || url.hash.length > 0;
}

const emailShape = z.email();
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Multi-line texts keep their lines (an address), without blank ones. */
const lines = (s: string) =>
  s
    .split('\n')
    .map(oneLine)
    .filter(Boolean)
    .join('\n');

/**
 * The settings as typed, checked and tidied: texts trimmed, emails in lower
 * case, empty phone rows dropped. Field errors name the form's fields.
 * (Whether the chosen images exist is the database's to say.)
 */
export function checkSiteSettings(input: SiteSettingsValues): { ok: true; value: SiteSettingsValues } | { ok: false; errors: SettingsFieldErrors } {
  const errors: SettingsFieldErrors = {};
  const value: SiteSettingsValues = {
    ...input,
    addressEn: lines(input.addressEn),
    addressSq: lines(input.addressSq),
    openingHoursEn: lines(input.openingHoursEn),
    openingHoursSq: lines(input.openingHoursSq),
    email: input.email.trim().toLowerCase(),
    mediaName: oneLine(input.mediaName),
    mediaPhone: oneLine(input.mediaPhone),
    mediaEmail: input.mediaEmail.trim().toLowerCase(),
    mapUrl: input.mapUrl.trim(),
    phones: [],
  };
  const tooLong = (field: keyof typeof value & string, limit: number) => {
    if (String(value[field]).length > limit) errors[field] = 'tooLong';
  };
  tooLong('addressEn', LIMITS.address);
  tooLong('addressSq', LIMITS.address);
  tooLong('openingHoursEn', LIMITS.openingHours);
  tooLong('openingHoursSq', LIMITS.openingHours);
  tooLong('mediaName', LIMITS.mediaName);
  for (const field of ['email', 'mediaEmail'] as const) {
    if (value[field].length > LIMITS.email) errors[field] = 'tooLong';
    else if (value[field] && !emailShape.safeParse(value[field]).success) errors[field] = 'email';
  }
  if (value.mediaPhone.length > LIMITS.phoneNumber) errors.mediaPhone = 'tooLong';
  else if (value.mediaPhone && !e164(value.mediaPhone)) errors.mediaPhone = 'phone';

  input.phones.forEach((phone, i) => {
    const row = { number: oneLine(phone.number), labelEn: oneLine(phone.labelEn), labelSq: oneLine(phone.labelSq) };
    if (!row.number && !row.labelEn && !row.labelSq) return;
    const name = `phones.${i}`;
    if (row.number.length > LIMITS.phoneNumber) errors[`${name}.number`] = 'tooLong';
    else if (!row.number) errors[`${name}.number`] = 'phoneMissing';
    else if (!e164(row.number)) errors[`${name}.number`] = 'phone';
    if (row.labelEn.length > LIMITS.phoneLabel) errors[`${name}.labelEn`] = 'tooLong';
    if (row.labelSq.length > LIMITS.phoneLabel) errors[`${name}.labelSq`] = 'tooLong';
    value.phones.push(row);
  });

  if (value.mapUrl && !isHttpsUrlOn(value.mapUrl, MAP_HOSTS)) errors.mapUrl = value.mapUrl.length > LIMITS.url ? 'tooLong' : 'mapUrl';
  for (const network of SOCIAL_NETWORKS) {
    const field = SOCIAL_FIELDS[network];
    value[field] = input[field].trim();
    if (value[field] && !isHttpsUrlOn(value[field], SOCIAL_HOSTS[network])) errors[field] = value[field].length > LIMITS.url ? 'tooLong' : 'socialUrl';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The stored phones column, read defensively (an unreadable value is no phones). */
export function parsePhones(json: string): Phone[] {
  const parsed = z
    .array(z.object({ number: z.string(), labelEn: z.string(), labelSq: z.string() }))
    .safeParse((() => {
      try {
        return JSON.parse(json);
      } catch {
        return null;
      }
    })());
  return parsed.success ? parsed.data : [];
}

/** The text fields of the settings form, by their form names, in the form's order ('phones.0.number' …). */
export const TEXT_FIELD_NAMES = [
  'addressEn',
  'addressSq',
  'openingHoursEn',
  'openingHoursSq',
  'email',
  ...Array.from({ length: PHONE_SLOTS }, (_, i) => [`phones.${i}.number`, `phones.${i}.labelEn`, `phones.${i}.labelSq`]).flat(),
  'mediaName',
  'mediaPhone',
  'mediaEmail',
  'mapUrl',
  ...SOCIAL_NETWORKS.map((n) => SOCIAL_FIELDS[n]),
] as const;

/** The settings as the form's text fields hold them (phones in their slots; the images are the pickers'). */
export function settingsFormValues(values: SiteSettingsValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of TEXT_FIELD_NAMES) {
    const phone = name.match(/^phones\.(\d+)\.(number|labelEn|labelSq)$/);
    out[name] = phone ? (values.phones[Number(phone[1])]?.[phone[2] as keyof Phone] ?? '') : String(values[name as keyof SiteSettingsValues] ?? '');
  }
  return out;
}

/** The form's text fields back as settings (the inverse of settingsFormValues), with the chosen images. */
export function settingsFromForm(fields: Record<string, string>, images: { shareImageId: number | null; logoId: number | null }): SiteSettingsValues {
  const phones = Array.from({ length: PHONE_SLOTS }, (_, i) => ({
    number: fields[`phones.${i}.number`] ?? '',
    labelEn: fields[`phones.${i}.labelEn`] ?? '',
    labelSq: fields[`phones.${i}.labelSq`] ?? '',
  }));
  const text = (name: string) => fields[name] ?? '';
  return {
    addressEn: text('addressEn'),
    addressSq: text('addressSq'),
    openingHoursEn: text('openingHoursEn'),
    openingHoursSq: text('openingHoursSq'),
    email: text('email'),
    phones,
    mediaName: text('mediaName'),
    mediaPhone: text('mediaPhone'),
    mediaEmail: text('mediaEmail'),
    mapUrl: text('mapUrl'),
    facebookUrl: text('facebookUrl'),
    xUrl: text('xUrl'),
    linkedinUrl: text('linkedinUrl'),
    instagramUrl: text('instagramUrl'),
    youtubeUrl: text('youtubeUrl'),
    ...images,
  };
}
