import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { generateSample } from '@/db/sample';
import { newsTranslations } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
beforeEach(() => {
  t = makeTestDatabase();
  seedDatabase(t.db);
});
afterEach(() => t.close());

describe('sample data', () => {
  it('adds marked articles in both languages with realistic lengths', () => {
    generateSample(t.db, 20);
    const rows = t.db.select().from(newsTranslations).all().filter((r) => r.title.startsWith('[Sample]') || r.title.startsWith('[Shembull]'));
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.body.length > 1500 && r.summary.length > 100)).toBe(true);
    generateSample(t.db, 5); // a sample database can be topped up
  });

  it('refuses a database with staff accounts', async () => {
    await insertUserRow(t.db, { email: 'a@iom.int', name: 'A', role: 'admin', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
    expect(() => generateSample(t.db, 5)).toThrow(/Refusing/);
  });
});
