import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** Debian's package; IOM_SYSTEM_CHROMIUM moves it, so that a test can pretend it is missing. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export type ChromiumBinary = {
  path: string;
  /** The environment to start it with: the npm build finds its libraries and fonts through it. */
  env: Record<string, string>;
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
};

/**
 * The Chromium that the tests and the tools (bench:editor, soak, lighthouse)
 * drive: CHROMIUM_PATH when set; else Debian's /usr/bin/chromium when
 * installed; else the headless Chromium that the `@sparticuz/chromium` dev
 * dependency ships, unpacked once into the temporary folder. That build brings
 * the libraries it needs beyond glibc (NSS, NSPR, expat: its Amazon Linux
 * tarball) and a font (Open Sans), so a bare Debian with Node runs it.
 */
export async function chromiumExecutable(): Promise<ChromiumBinary> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, which does not exist`);
    return { path: chosen, env, source: 'CHROMIUM_PATH' };
  }
  const system = process.env.IOM_SYSTEM_CHROMIUM ?? SYSTEM_CHROMIUM;
  if (fs.existsSync(system)) return { path: system, env, source: 'system' };

  const dir = path.join(os.tmpdir(), `iom-chromium-${npmChromium().version}`);
  if (!fs.existsSync(path.join(dir, 'chromium'))) await unpack(dir);
  return {
    path: path.join(dir, 'chromium'),
    env: {
      ...env,
      LD_LIBRARY_PATH: [path.join(dir, 'lib'), env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
    source: 'npm',
  };
}

function npmChromium(): { version: string; bin: string } {
  // The package exports only its entry (build/index.js); its archives are in ../bin.
  const root = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { version, bin: path.join(root, 'bin') };
}

/**
 * Unpacks the npm build into `dir`: the binary, its libraries (lib/), the
 * SwiftShader GL libraries beside it, the font and a fontconfig file naming
 * it before the system's fonts, if any (the package's own file names
 * /tmp/fonts, and only on AWS does the package set the variables). The work is done in a folder of its own, renamed into place
 * when complete: parallel test workers, or a run killed halfway, never leave
 * a half-written binary behind for the next one to start.
 */
async function unpack(dir: string): Promise<void> {
  const { bin } = npmChromium();
  const work = fs.mkdtempSync(`${dir}.unpacking-`);
  try {
    await Promise.all([
      pipeline(fs.createReadStream(path.join(bin, 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(path.join(work, 'chromium'), { mode: 0o755 })),
      untar(path.join(bin, 'al2023.tar.br'), work), // lib/libnss3.so, libnspr4.so, libexpat.so.1, …
      untar(path.join(bin, 'swiftshader.tar.br'), work),
      untar(path.join(bin, 'fonts.tar.br'), work), // fonts/Open_Sans/*.ttf
    ]);
    fs.writeFileSync(
      path.join(work, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${path.join(dir, 'fonts')}</dir>`,
        // The machine's fonts too, where it has some (DejaVu covers ▸ ▾, which Noto Sans lacks).
        '  <dir>/usr/share/fonts</dir>',
        '  <dir>/usr/local/share/fonts</dir>',
        `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    fs.chmodSync(work, 0o755); // mkdtemp made it private
    fs.renameSync(work, dir);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    // Another process finished first: its copy is complete, use it.
    if (fs.existsSync(path.join(dir, 'chromium'))) return;
    throw error;
  }
}

/** Extracts a Brotli-compressed tarball with the system's tar (in every Debian). */
async function untar(archive: string, into: string): Promise<void> {
  const tar = spawn('tar', ['-x', '--no-same-owner', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  tar.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    tar.on('error', reject);
    tar.on('close', resolve);
  });
  const [fed, code] = await Promise.allSettled([pipeline(fs.createReadStream(archive), zlib.createBrotliDecompress(), tar.stdin), exited]);
  // tar stops reading at the archive's end marker and may exit before the
  // padding after it is written: its exit code is what tells.
  const fedAll = fed.status === 'fulfilled' || (fed.reason as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || (fed.reason as NodeJS.ErrnoException).code === 'EPIPE';
  if (fedAll && code.status === 'fulfilled' && code.value === 0) return;
  const why = code.status === 'fulfilled' ? `exit code ${code.value}` : String(code.reason);
  throw new Error(`tar -x ${archive} into ${into} failed (${why}): ${stderr.trim() || (fed.status === 'rejected' ? String(fed.reason) : '')}`);
}
