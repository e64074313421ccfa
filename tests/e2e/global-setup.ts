import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/build.mjs';
import { CHROMIUM_ARGS } from '../helpers/browser';
import { chromiumExecutable } from '../helpers/chromium';
import { checkSharedData, startSharedServer } from '../helpers/shared-server';

/**
 * The end-to-end tests run against the production build. This setup returns
 * at once, so that the unit and db tests start, and meanwhile:
 * - makes the build if the sources changed (without Next's own type check:
 *   `npm test` has run tsc first; at a lower priority than the tests), its
 *   output shown only if it fails;
 * - starts one Chromium for all e2e files (tests/helpers/browser.ts connects
 *   to it), resolving it first (the npm build is unpacked once);
 * - on the first ask, starts the server shared by the files that only read
 *   (tests/helpers/shared-server.ts).
 * The e2e files ask for these at an address of this process
 * (tests/helpers/e2e-setup.ts), which answers once they are ready, or with
 * the error.
 */
export default async function setup(project: TestProject) {
  const abort = new AbortController();
  const browser = (async () => {
    const binary = await chromiumExecutable();
    console.log(`e2e: Chromium from ${binary.source}: ${binary.path}`);
    return chromium.launchServer({ executablePath: binary.path, env: binary.env, args: CHROMIUM_ARGS });
  })();
  const built = ensureBuild({ typeCheck: false, quiet: true, background: true, signal: abort.signal }).catch((error: Error) => {
    // Its output once here; each file is told in a line.
    if (!abort.signal.aborted) console.error(error.message);
    throw new Error(`${error.message.split('\n')[0]}: its output is above (tests/e2e/global-setup.ts)`);
  });
  const ready = Promise.all([built, browser]).then(([, server]) => ({ browser: server.wsEndpoint() }));
  let shared: ReturnType<typeof startSharedServer> | undefined;
  const answers = {
    ready: () => ready,
    shared: () => (shared ??= ready.then(() => startSharedServer())).then(({ info }) => info),
  };
  // Answered to the files that ask (all but a file that needs neither).
  for (const promise of [built, browser, ready]) promise.catch(() => undefined);

  const control = http.createServer((req, res) => {
    const answer = answers[req.url?.slice(1) as keyof typeof answers];
    if (!answer) return res.writeHead(404).end();
    answer().then(
      (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  project.provide('e2eSetup', `http://127.0.0.1:${(control.address() as AddressInfo).port}/`);

  return async () => {
    control.close();
    // No file needed the build (or it is made): stop it.
    abort.abort();
    await browser.then((server) => server.close()).catch(() => undefined);
    const started = await shared?.catch(() => undefined);
    if (started) {
      try {
        checkSharedData(started.info, 'during the run');
      } finally {
        await started.server.stop();
      }
    }
  };
}
