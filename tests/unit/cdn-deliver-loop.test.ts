import { afterEach, expect, it, vi } from 'vitest';
import { kickPurgeDelivery, startPurgeDelivery } from '@/lib/cdn/deliver';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

it('wakes at the time the next purge falls due, not at its next regular look', async () => {
  vi.useFakeTimers();
  vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
  const start = Date.now();
  const rounds: number[] = [];
  // A scheduled item 300 ms ahead, then nothing more queued for later.
  let next: Date | null = new Date(start + 300);
  startPurgeDelivery(async () => {
    rounds.push(Date.now() - start);
    const due = next;
    next = null;
    return due;
  });
  kickPurgeDelivery();
  await vi.advanceTimersByTimeAsync(299);
  expect(rounds).toEqual([0]);
  await vi.advanceTimersByTimeAsync(1);
  expect(rounds).toEqual([0, 300]);
  // Then every 2 s, as before.
  await vi.advanceTimersByTimeAsync(1_700);
  expect(rounds).toEqual([0, 300, 2_000]);
});
