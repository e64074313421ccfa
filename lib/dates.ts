import type { Locale } from '@/i18n/routing';

export const SITE_TIME_ZONE = 'Europe/Tirane';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', sq: 'sq-AL' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as readers write it: "9 April 2019" / "9 prill 2019", in Tirana time. */
export function formatDate(date: Date, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: 'long',
      timeZone: SITE_TIME_ZONE,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time for the editor area's lists ("30 Nov 2026, 10:24"), in Tirana time. */
export function formatDateTime(date: Date, locale: Locale): string {
  let formatter = dateTimeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: SITE_TIME_ZONE });
    dateTimeFormatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** ISO 8601 for <time dateTime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function tiranaParts(date: Date): Record<string, number> {
  return Object.fromEntries(wallClock.formatToParts(date).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** "2026-12-01T10:30" as Tirana's clock shows it, for <input type="datetime-local">. */
export function toTiranaInput(date: Date): string {
  const p = tiranaParts(date);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The moment a Tirana wall-clock time ("2026-12-01T10:30", as a
 * datetime-local input sends it) stands for; null when it is not a real time.
 * In the autumn hour that happens twice the earlier one is taken; a time in
 * the spring gap moves forward by the gap.
 */
export function fromTiranaInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Tirana is UTC+1 or UTC+2: try both offsets, earlier first.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const p = tiranaParts(candidate);
    if (p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}
