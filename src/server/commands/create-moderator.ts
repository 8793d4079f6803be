/**
 * `agora create-moderator --email E --name N [--organisation O]`: the first
 * moderator of a new forum, or one more. The password comes from standard input
 * when something is piped in, or is generated and printed once.
 */
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { joinSchema } from '../../api/contract';
import { type Config, UsageError } from '../config';
import { openDatabase } from '../node/database';
import { serverPasswords } from '../node/scrypt';
import { newId } from '../rules/core';
import { findUserByEmail, insertUser } from '../store/users';

/** How long a piped standard input may stay silent before it counts as giving nothing. */
const STDIN_WAIT_MS = 1000;

/** The first line of standard input, or null when it is a terminal or gives nothing. */
export async function passwordFromStdin(
  stdin: Readable & { isTTY?: boolean },
): Promise<string | null> {
  if (stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  const text = await new Promise<string>((resolve, reject) => {
    const done = () => {
      clearTimeout(silent);
      stdin.off('data', onData);
      // An open pipe that stays silent would otherwise keep the process running.
      stdin.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer | string) => {
      clearTimeout(silent);
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const silent = setTimeout(done, STDIN_WAIT_MS);
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.once('error', reject);
  });
  const line = text.split(/\r?\n/)[0] ?? '';
  return line === '' ? null : line;
}

const ARGUMENT: Record<string, string> = {
  email: '--email',
  displayName: '--name',
  organisation: '--organisation',
  password: 'The password from standard input',
};

export function generatePassword(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  print: (line: string) => void;
}

const processIo: Io = { stdin: process.stdin, print: (line) => console.log(line) };

export async function createModerator(
  config: Config,
  args: string[],
  io: Io = processIo,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
    },
  });
  if (!values.email || !values.name) {
    throw new UsageError(
      'create-moderator needs --email and --name, e.g. npm run create-moderator -- --email ana@example.org --name "Ana Pereira".',
    );
  }
  const piped = await passwordFromStdin(io.stdin);
  const password = piped ?? generatePassword();
  const input = joinSchema.safeParse({
    email: values.email,
    displayName: values.name,
    organisation: values.organisation,
    password,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new UsageError(`${ARGUMENT[field] ?? field}: ${issue?.message ?? 'not valid.'}`);
  }
  const data = input.data;

  const engine = await openDatabase(config);
  try {
    if (await findUserByEmail(engine.db, data.email)) {
      throw new UsageError(
        `An account with the email ${data.email} already exists; create-moderator changes no existing account.`,
      );
    }
    await insertUser(engine.db, {
      id: newId('u'),
      email: data.email,
      password_hash: await serverPasswords().hash(password),
      display_name: data.displayName,
      organisation: data.organisation,
      role: 'moderator',
      created_at: new Date().toISOString(),
    });
  } finally {
    await engine.close();
  }
  io.print(`Moderator ${data.displayName} <${data.email}> created in ${config.database}.`);
  if (!piped) io.print(`Password (shown only now; keep it safe): ${password}`);
}
