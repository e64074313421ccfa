import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { chromiumExecutable } from '../helpers/chromium';
import { makeTempDir } from '../helpers/db';

/**
 * `npm test` on a machine without Debian's Chromium: the browser comes from
 * the @sparticuz/chromium package, unpacked by tests/helpers/chromium.ts.
 * IOM_SYSTEM_CHROMIUM points the system's path elsewhere, so that this runs
 * here, where /usr/bin/chromium exists.
 */

/** What a bare Debian with Node has, of the shared libraries Chromium maps: glibc's and libgcc's. */
const BASE_LIBRARIES = /^(ld-linux-x86-64\.so\.2|libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libgcc_s\.so\.1)$/;

const work = makeTempDir('iom-chromium-test-');
let browser: Browser | undefined;

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The shared libraries mapped by every running process of `binary`. */
function mappedLibraries(binary: string): string[] {
  const libraries = new Set<string>();
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/exe`) !== binary) continue;
      for (const line of fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
        const file = line.match(/\s(\/\S+\.so(\.\d+)*)$/)?.[1];
        if (file) libraries.add(file);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return [...libraries].sort();
}

describe('the browser the tests drive', () => {
  it('without Debian’s Chromium, is the npm package’s, with its own libraries and font', async () => {
    vi.stubEnv('CHROMIUM_PATH', undefined);
    vi.stubEnv('IOM_SYSTEM_CHROMIUM', path.join(work, 'no-such-chromium'));
    const binary = await chromiumExecutable();
    expect(binary.source).toBe('npm');
    const dir = path.dirname(binary.path);
    expect(path.basename(dir)).toMatch(/^iom-chromium-\d+\.\d+\.\d+$/); // unpacked once per version of the package

    browser = await launchBrowser(binary);
    const page = await browser.newPage({ viewport: { width: 400, height: 120 } });
    await page.setContent('<html lang="sq"><body style="margin:0;font:32px \'Open Sans\';background:#fff;color:#000"><p id="t">Shqipëri, çështje</p></body></html>');
    expect(await page.locator('#t').textContent()).toBe('Shqipëri, çështje');

    // The text is painted in the package's font, found through the
    // fontconfig file the helper wrote (a bare machine has no font of its
    // own: the page would stay white; this one has no Open Sans).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#t' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((font) => font.familyName)).toEqual(['Open Sans']);
    const { channels } = await sharp(await page.screenshot()).stats();
    expect(channels[0]!.min).toBeLessThan(64);

    // Nothing beyond glibc and libgcc comes from the system: NSS, NSPR and
    // expat are the package's own (lib/), as on a machine without them.
    const libraries = mappedLibraries(binary.path);
    expect(libraries.some((file) => file === path.join(dir, 'lib', 'libnss3.so'))).toBe(true);
    expect(libraries.filter((file) => !file.startsWith(`${dir}/`) && !BASE_LIBRARIES.test(path.basename(file)))).toEqual([]);
  });

  it('is Debian’s when installed, and CHROMIUM_PATH when set', async () => {
    const existing = process.execPath; // any file that exists stands for the binary here
    vi.stubEnv('CHROMIUM_PATH', undefined);
    vi.stubEnv('IOM_SYSTEM_CHROMIUM', existing);
    expect(await chromiumExecutable()).toMatchObject({ path: existing, source: 'system' });

    vi.stubEnv('IOM_SYSTEM_CHROMIUM', path.join(work, 'no-such-chromium'));
    vi.stubEnv('CHROMIUM_PATH', existing);
    expect(await chromiumExecutable()).toMatchObject({ path: existing, source: 'CHROMIUM_PATH' });

    vi.stubEnv('CHROMIUM_PATH', path.join(work, 'missing'));
    await expect(chromiumExecutable()).rejects.toThrow(/CHROMIUM_PATH is set to .*missing, which does not exist/);
  });
});
