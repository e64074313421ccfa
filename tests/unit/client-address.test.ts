import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/client-address';

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For entry: the one our proxy (or Next, from the socket) wrote', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1');
    // A client's own entries come first and are ignored.
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }))).toBe('203.0.113.9');
  });

  it('says unknown without an address', () => {
    expect(clientAddress(new Headers())).toBe('unknown');
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' ' }))).toBe('unknown');
  });
});
