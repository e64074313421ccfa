import fs from 'node:fs';
import path from 'node:path';

/**
 * The permission bits of `dir` ('.') and of every folder and file under it,
 * by path relative to `dir`, as octal strings ('700', '644').
 */
export function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (file: string) => {
    const stat = fs.lstatSync(file);
    found[path.relative(dir, file) || '.'] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
  };
  visit(dir);
  return found;
}

/** The entries of modes(dir) that other local users could read or enter: anything but folders 700 and files 600. */
export function notPrivate(dir: string): string[] {
  return Object.entries(modes(dir))
    .filter(([file, mode]) => mode !== (fs.lstatSync(path.join(dir, file)).isDirectory() ? '700' : '600'))
    .map(([file, mode]) => `${file} ${mode}`);
}
