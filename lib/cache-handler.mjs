// Next's cache in Redis, for several processes sharing one cache (issue 20,
// point 4). next.config.ts uses this file only when REDIS_URL is set; without
// it every process keeps its own in-memory cache (`npm start`).
//
// @fortedigital/nextjs-cache-handler keeps rendered pages, route handlers'
// answers and the times tags were revalidated (revalidatePath's implicit tags
// too) in Redis, so a publish handled by one process is seen by every other
// on its next request. ioredis reaches Redis through the package's adapter.
import fs from 'node:fs';
import path from 'node:path';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import { ioredisAdapter } from '@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import Redis from 'ioredis';

const KEY = Symbol.for('iom.cacheHandlerConfig');

/**
 * Pages rendered by one build must not be served by another (they name its
 * script files): the keys carry the build's id, so a new build starts with
 * an empty cache while the old processes keep theirs (zero-downtime restart,
 * docs/operations.md). REDIS_KEY_PREFIX separates two sites on one Redis.
 */
function keyPrefix() {
  const buildId = fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  return `${process.env.REDIS_KEY_PREFIX || 'iom'}:${buildId}:`;
}

CacheHandler.onCreation(() => {
  globalThis[KEY] ??= (async () => {
    const client = new Redis(process.env.REDIS_URL, {
      lazyConnect: true,
      // A Redis that is down makes a page a cache miss (rendered afresh), not a hang.
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    const log = (msg, error) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg, error: error.message }));
    client.on('error', (error) => log('redis', error));
    try {
      await client.connect();
    } catch (error) {
      // The site stays up, each process with a cache of its own, until it is restarted with Redis back.
      log('redis unreachable at start: this process caches in its own memory', error);
      client.disconnect();
      return { handlers: [createLruHandler()] };
    }
    return { handlers: [createRedisHandler({ client: ioredisAdapter(client), keyPrefix: keyPrefix(), timeoutMs: 1000 })] };
  })();
  return globalThis[KEY];
});

export default CacheHandler;
