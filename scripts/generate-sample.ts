// npm run db:generate-sample -- --articles 2000 --data-dir /tmp/iom-bench
// Fills an EMPTY data folder with sample articles for benchmarks. The folder
// must be named explicitly (DATA_DIR is not used, so real data is never the target).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@/db/client';
import { generateSample } from '@/db/sample';
import { seedDatabase } from '@/db/seed';
import { keepDataDirPrivate } from '@/lib/private-files';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, 'data-dir': { type: 'string' } } });
const articles = Number(values.articles);
if (!values['data-dir'] || !Number.isInteger(articles) || articles < 1 || articles > 100_000) {
  console.error('Usage: npm run db:generate-sample -- --articles N --data-dir <empty folder>');
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
keepDataDirPrivate(dataDir);
const db = openDatabase(dataDir);
try {
  migrateDatabase(db);
  seedDatabase(db);
  generateSample(db, articles);
  console.log(`Added ${articles} sample articles in English and Albanian to ${dataDir}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
