// Starts a worker thread on a TypeScript file (workerData.script) through tsx,
// with the project's path aliases: `new Worker(tsWorker, { workerData: { script, … } })`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
