import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { makePrivateDir, PRIVATE_FILE_MODE } from '@/lib/private-files';

export const AUTH_SECRET_FILE = 'auth-secret';

/**
 * The key that signs sessions and encrypts two-factor secrets: AUTH_SECRET
 * from the environment, else one generated on first start into DATA_DIR
 * (mode 0600) and read from there on every later start. Never logged.
 */
export function authSecret(dataDir: string = env().dataDir): string {
  const existing = existingAuthSecret(dataDir);
  if (existing) return existing;
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  makePrivateDir(dataDir);
  try {
    // 'wx' fails if the file exists: the first process to start writes it, every other one reads it.
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The secret `authSecret` would use for `dataDir`, or null when there is none yet (nothing is created). */
export function existingAuthSecret(dataDir: string): string | null {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  if (fromEnv) throw new Error('AUTH_SECRET must be at least 32 characters long');
  try {
    return fs.readFileSync(path.join(dataDir, AUTH_SECRET_FILE), 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
