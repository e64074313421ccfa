import http from 'node:http';
import { inject } from 'vitest';

/** The production server shared by the e2e files that only read (tests/helpers/shared-server.ts). */
export type SharedServerInfo = {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** The fingerprint of its data when it had started (dataFingerprint). */
  fingerprint: string;
};

declare module 'vitest' {
  interface ProvidedContext {
    /**
     * The address where tests/e2e/global-setup.ts answers, once it is ready:
     * `ready` (the build made, Playwright's address of the shared Chromium) and
     * `shared` (the shared server, started on the first ask).
     */
    e2eSetup: string;
  }
}

const answers = new Map<string, Promise<unknown>>();

/**
 * Asks the e2e global setup for `what` and resolves with its answer, once it
 * has it; rejects with the setup's error (a failed build) if any. The build is
 * made while the unit and db tests run, so an e2e file may wait here.
 */
function ask<T>(address: string, what: 'ready' | 'shared'): Promise<T> {
  let answer = answers.get(what);
  if (!answer) {
    answer = new Promise<T>((resolve, reject) => {
      // node:http, not fetch: the answer may take minutes (a whole build),
      // longer than undici waits for the headers of a response (300 s).
      http
        .get(new URL(what, address), (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as T) : reject(new Error(body))));
        })
        .on('error', reject);
    });
    answers.set(what, answer);
  }
  return answer as Promise<T>;
}

/**
 * In an e2e test file, what the global setup prepares; elsewhere (the global
 * setup itself, the unit and db tests, the tools that drive a browser)
 * undefined.
 */
export function e2eSetup(): { ready: () => Promise<{ browser: string }>; shared: () => Promise<SharedServerInfo> } | undefined {
  const address = process.env.VITEST_WORKER_ID ? inject('e2eSetup') : undefined;
  if (!address) return undefined;
  return { ready: () => ask(address, 'ready'), shared: () => ask(address, 'shared') };
}
