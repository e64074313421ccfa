import { parentPort, workerData } from 'node:worker_threads';
import { changeUserAccess } from '@/db/auth/user-admin';
import { openDatabase } from '@/db/client';

/**
 * One admin in a thread of its own, on a connection of its own, demoting
 * another when the main thread opens the gate (tests/db/user-admin.test.ts):
 * two of these run the same change at the same moment, as two server
 * processes would.
 */
const { dataDir, actorId, targetId, gate } = workerData as { dataDir: string; actorId: number; targetId: number; gate: SharedArrayBuffer };
const db = openDatabase(dataDir);
const opened = new Int32Array(gate);

parentPort!.on('message', (round: number) => {
  if (round === 0) {
    db.$client.close();
    parentPort!.close();
    return;
  }
  parentPort!.postMessage({ ready: round });
  // Blocks until the main thread sets the gate to this round.
  while (Atomics.load(opened, 0) < round) Atomics.wait(opened, 0, round - 1);
  try {
    parentPort!.postMessage({ round, result: changeUserAccess(db, { userId: actorId, ip: null }, targetId, { role: 'editor' }) });
  } catch (error) {
    parentPort!.postMessage({ round, result: { ok: false, error: String(error) } });
  }
});
