import { describe, expect, it } from 'vitest';
import { fromTiranaInput, toTiranaInput } from '@/lib/dates';

describe('Tirana wall-clock times for scheduling', () => {
  it('reads winter (UTC+1) and summer (UTC+2) times', () => {
    expect(fromTiranaInput('2026-12-01T10:30')!.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(fromTiranaInput('2026-07-01T10:30')!.toISOString()).toBe('2026-07-01T08:30:00.000Z');
  });

  it('shows a stored time as Tirana reads it', () => {
    expect(toTiranaInput(new Date('2026-12-01T09:30:00Z'))).toBe('2026-12-01T10:30');
    expect(toTiranaInput(new Date('2026-07-01T22:15:00Z'))).toBe('2026-07-02T00:15');
  });

  it('takes the earlier of the repeated autumn hour and moves a spring-gap time forward', () => {
    // 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET.
    expect(fromTiranaInput('2026-10-25T02:30')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    expect(fromTiranaInput('2026-03-29T02:30')!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-12-01T24:00', '2026-12-01 10:00<script>']) {
      expect(fromTiranaInput(bad)).toBeNull();
    }
  });
});
