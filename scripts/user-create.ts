// npm run user:create -- --email E --name N --role admin|editor
//
// Creates a staff account in the database of DATA_DIR (default ./data). The
// password is read from standard input when it is not a terminal (a pipe or a
// file), else asked for twice without echo — never from the command line,
// where it would land in the shell history and the process list.
import { parseArgs } from 'node:util';
import { createTranslator } from 'next-intl';
import { migrateDatabase, openDatabase } from '@/db/client';
import { insertUserRow } from '@/db/auth/users-core';
import { emailSchema, nameSchema, newPasswordError, passwordErrorMessage, roleSchema } from '@/lib/auth/validation';
import { readEnv } from '@/lib/env';
import { keepDataDirPrivate } from '@/lib/private-files';
import en from '@/messages/en.json';

const USAGE = 'Usage: npm run user:create -- --email E --name N --role admin|editor  (password on standard input)';

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function askHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.password !== undefined) {
    console.error('Refusing --password: give the password on standard input, not on the command line.');
    return 2;
  }
  const email = emailSchema.safeParse(values.email ?? '');
  const name = nameSchema.safeParse(values.name ?? '');
  const role = roleSchema.safeParse(values.role ?? '');
  if (!email.success || !name.success || !role.success) {
    console.error(`A valid --email, --name and --role (admin or editor) are needed.\n${USAGE}`);
    return 2;
  }

  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    if ((await askHidden('Password again: ')) !== password) {
      console.error('The two passwords are not the same.');
      return 1;
    }
  } else {
    password = await readPiped();
  }
  const problem = await newPasswordError(password, null, { email: email.data, name: name.data });
  if (problem) {
    // The editor area's English messages, zxcvbn's feedback included.
    console.error(problem.key === 'required' ? 'No password was given on standard input.' : passwordErrorMessage(problem, createTranslator({ locale: 'en', messages: en, namespace: 'Admin' })));
    return 1;
  }

  const { dataDir } = readEnv();
  keepDataDirPrivate(dataDir);
  const db = openDatabase(dataDir);
  try {
    migrateDatabase(db);
    const result = await insertUserRow(db, { email: email.data, name: name.data, role: role.data, password }, { id: null, via: 'cli' });
    if (!result.ok) {
      console.error(`A user with the email ${email.data} already exists.`);
      return 1;
    }
    console.log(`Created ${role.data} ${email.data} (user #${result.id}) in ${dataDir}.`);
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
