import { describe, expect, it } from 'vitest';
import { formatTiranaDateTime, parseTiranaDateTime, toTiranaFields } from '@/lib/dates';

const NOW = new Date('2026-01-01T00:00:00Z');
const at = (date: string, time: string) => {
  const r = parseTiranaDateTime(date, time, NOW);
  return r.ok ? r.at.toISOString() : r.error;
};

describe('Tirana wall-clock times for scheduling (DD.MM.YYYY + HH:MM)', () => {
  it('reads winter (UTC+1) and summer (UTC+2) times', () => {
    expect(at('01.12.2026', '10:30')).toBe('2026-12-01T09:30:00.000Z');
    expect(at('01.07.2026', '10:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(at('1.7.2026', '9:05')).toBe('2026-07-01T07:05:00.000Z');
    expect(at(' 01.07.2026 ', ' 10:30:15 ')).toBe('2026-07-01T08:30:15.000Z');
  });

  it('is day-first: 12.06.2026 is 12 June, never 6 December', () => {
    expect(at('12.06.2026', '06:08')).toBe('2026-06-12T04:08:00.000Z');
  });

  it('refuses days that do not exist, and knows leap years', () => {
    expect(at('31.02.2026', '10:00')).toBe('invalidDate');
    expect(at('30.02.2028', '10:00')).toBe('invalidDate');
    expect(at('29.02.2027', '10:00')).toBe('invalidDate');
    expect(at('29.02.2028', '10:00')).toBe('2028-02-29T09:00:00.000Z');
    expect(at('31.04.2026', '10:00')).toBe('invalidDate');
    expect(at('01.13.2026', '10:00')).toBe('invalidDate');
    expect(at('00.01.2026', '10:00')).toBe('invalidDate');
  });

  it('refuses garbage and the ISO or US forms', () => {
    for (const bad of ['', 'tomorrow', '2026-12-01', '12/06/2026', '01.12.26', '01.12.2026<script>', '1e1.12.2026']) {
      expect(at(bad, '10:00')).toBe('invalidDate');
    }
    for (const bad of ['', '24:00', '23:60', '10:00:60', '10', '10.30', '06:08 AM', '10:3']) {
      expect(at('01.12.2026', bad)).toBe('invalidTime');
    }
  });

  it('refuses the hour the clocks skip in spring, and takes the first of the repeated autumn hour', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:00–02:59 does not exist.
    expect(at('29.03.2026', '02:30')).toBe('timeGap');
    expect(at('29.03.2026', '02:00')).toBe('timeGap');
    expect(at('29.03.2026', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('29.03.2026', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
    expect(at('25.10.2026', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses a time that is not after now', () => {
    expect(at('31.12.2025', '23:59')).toBe('pastDate');
    // 01:00 in Tirana on 1 January is 00:00 UTC: exactly now, not after it.
    expect(at('01.01.2026', '01:00')).toBe('pastDate');
    expect(at('01.01.2026', '01:01')).toBe('2026-01-01T00:01:00.000Z');
  });

  it('writes a stored moment the same way the fields read it', () => {
    expect(toTiranaFields(new Date('2026-12-01T09:30:00Z'))).toEqual({ date: '01.12.2026', time: '10:30' });
    expect(toTiranaFields(new Date('2026-07-01T22:15:00Z'))).toEqual({ date: '02.07.2026', time: '00:15' });
    const back = toTiranaFields(new Date('2026-10-25T00:30:00Z'));
    expect(at(back.date, back.time)).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('formatTiranaDateTime', () => {
  it('writes DD.MM.YYYY HH:MM, 24-hour, in Tirana time', () => {
    expect(formatTiranaDateTime(new Date('2026-12-06T04:59:00Z'))).toBe('06.12.2026 05:59');
    expect(formatTiranaDateTime(new Date('2026-06-12T16:08:00Z'))).toBe('12.06.2026 18:08');
    // 23:30 UTC on 31 December is already 1 January in Tirana.
    expect(formatTiranaDateTime(new Date('2024-12-31T23:30:00Z'))).toBe('01.01.2025 00:30');
  });
});
