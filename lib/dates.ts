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

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/**
 * The one way the editor area writes a moment: "06.12.2026 05:59", 24-hour,
 * Tirana time, whatever the browser's or the editor's language.
 */
export function formatTiranaDateTime(date: Date): string {
  const p = tiranaParts(date);
  return `${pad(p.day)}.${pad(p.month)}.${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A stored moment as the editor's date and time fields show it: { date: "01.12.2026", time: "10:30" }. */
export function toTiranaFields(date: Date): { date: string; time: string } {
  const [day, time] = formatTiranaDateTime(date).split(' ') as [string, string];
  return { date: day, time };
}

export type TiranaDateTimeError = 'invalidDate' | 'invalidTime' | 'timeGap' | 'pastDate';

/**
 * The moment that a date ("DD.MM.YYYY") and a 24-hour time ("HH:MM", or
 * "HH:MM:SS") on Tirana's clock stand for, or why they stand for none:
 * - 'invalidDate': not DD.MM.YYYY, or no such day (31.02, 29.02.2027);
 * - 'invalidTime': not HH:MM[:SS] within 00:00–23:59;
 * - 'timeGap': the hour the clocks skip on the last Sunday of March
 *   (02:00–02:59 does not exist); refused rather than silently moved;
 * - 'pastDate': not after `now`.
 * In the autumn hour that happens twice (last Sunday of October, 02:00–02:59)
 * the first one, still summer time, is taken.
 */
export function parseTiranaDateTime(date: string, time: string, now: Date = new Date()): { ok: true; at: Date } | { ok: false; error: TiranaDateTimeError } {
  const d = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date.trim());
  if (!d) return { ok: false, error: 'invalidDate' };
  const [day, month, year] = d.slice(1).map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (year < 1970 || calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return { ok: false, error: 'invalidDate' };
  }
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!t) return { ok: false, error: 'invalidTime' };
  const [hour, minute, second] = t.slice(1).map((v) => Number(v ?? 0)) as [number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, error: 'invalidTime' };
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Tirana is UTC+2 (summer) or UTC+1 (winter): the earlier reading first.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const p = tiranaParts(candidate);
    if (p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute) {
      return candidate.getTime() > now.getTime() ? { ok: true, at: candidate } : { ok: false, error: 'pastDate' };
    }
  }
  return { ok: false, error: 'timeGap' };
}
