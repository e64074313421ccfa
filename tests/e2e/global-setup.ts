import { ensureBuild } from '../../scripts/build.mjs';
import { chromiumExecutable } from '../helpers/chromium';

/**
 * The end-to-end tests run against the production build: make it if the
 * sources changed. The browser is resolved here once too, so that the npm
 * build, where it is the one used, is unpacked before the first test file.
 */
export default async function setup() {
  ensureBuild();
  const browser = await chromiumExecutable();
  console.log(`e2e: Chromium from ${browser.source}: ${browser.path}`);
}
