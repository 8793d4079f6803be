import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../src/server/engines/sqlite-file';
import { type Child, builtBundle, runBundle } from './built';
import { PARTICIPANT, SLUG, tempDir, visitor } from './harness';
import { sql } from 'kysely';

const bundle = builtBundle();

const running: Child[] = [];
afterAll(() => {
  for (const child of running) child.process.kill('SIGKILL');
});

function serve(dataDir: string): Child {
  // The load below posts as one account, far past the comment limit.
  const child = runBundle(bundle, ['serve'], {
    DATA_DIR: dataDir,
    AGORA_DEMO: '1',
    AGORA_RATE_LIMITS: 'off',
  });
  running.push(child);
  return child;
}

async function commentIds(file: string): Promise<Set<string>> {
  const engine = openSqliteFile(file);
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
      engine.db,
    );
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    const rows = await engine.db.selectFrom('comments').select('id').execute();
    return new Set(rows.map((r) => r.id));
  } finally {
    await engine.close();
  }
}

/**
 * A POST whose body waits until `sendBody`: with `Expect: 100-continue`, Node's server
 * answers 100 once it has read the headers and handed the request to the app, so
 * `headersRead` says the request is under way there, whatever the machine's load.
 */
function requestInTwoParts(url: string, json: unknown) {
  const body = JSON.stringify(json);
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Sec-Fetch-Site': 'same-origin',
      Expect: '100-continue',
    },
  });
  const headersRead = new Promise<void>((resolve) => request.once('continue', resolve));
  const answer = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
  });
  request.flushHeaders();
  return { headersRead, answer, sendBody: () => request.end(body) };
}

// Each test starts processes and hashes passwords at the server's cost: seconds, more on a busy machine.
describe('the built server as a process', { timeout: 60_000 }, () => {
  // How fast it starts is the bench's to say (`npm run bench -- --only=server`: ≤ 2 s),
  // not a test's, which a busy machine would fail.
  it('starts on a new data folder, answers /healthz, and exits 0 on SIGTERM', async () => {
    const child = serve(tempDir());
    const { url } = await child.ready;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
  });

  it('keeps every comment it answered 201 when killed mid-load', async () => {
    const dataDir = tempDir();
    const first = serve(dataDir);
    const { url } = await first.ready;
    const amina = visitor(url);
    await amina.signIn(PARTICIPANT);

    const accepted: string[] = [];
    let enough: () => void = () => undefined;
    const killAt = new Promise<void>((resolve) => (enough = resolve));
    const poster = async (n: number) => {
      for (let i = 0; ; i++) {
        try {
          const response = await amina.call(`/api/discussions/${SLUG}/comments`, {
            json: { body: `Comment ${n}.${i}, posted under load.` },
          });
          if (response.status !== 201) throw new Error(`answered ${response.status}`);
          accepted.push(((await response.json()) as { id: string }).id);
          if (accepted.length >= 60) enough();
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const posters = Promise.all(Array.from({ length: 8 }, (_, n) => poster(n)));
    await killAt;
    first.process.kill('SIGKILL');
    await posters;
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = serve(dataDir);
    const again = visitor((await second.ready).url);
    again.setCookie(amina.cookie());
    const session = (await (await again.call('/api/session')).json()) as {
      user: { id: string } | null;
    };
    expect(session.user?.id).toBe('u-amina');
    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    const kept = await commentIds(join(dataDir, 'agora.sqlite'));
    expect(accepted.length).toBeGreaterThanOrEqual(60);
    expect(accepted.filter((id) => !kept.has(id))).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s, finishes the request under way, refuses new ones, closes and exits 0',
    async (signal) => {
      const child = serve(tempDir());
      const { url } = await child.ready;
      // Sign-in with an unknown email still hashes (slowly, on purpose): a request to be under way.
      const signIn = requestInTwoParts(`${url}/api/session`, {
        email: 'nobody@example.org',
        password: 'not a password',
      });
      await signIn.headersRead;
      child.process.kill(signal);
      signIn.sendBody();
      const answer = await signIn.answer;
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'unauthenticated' } });
      expect(await child.exited).toEqual({ code: 0, signal: null });
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      expect(child.stdout.some((line) => line.includes('"Agora stops"'))).toBe(true);
      expect(child.stderr).toEqual([]);
    },
  );
});

describe('the commands of the built bundle', { timeout: 60_000 }, () => {
  it('creates a moderator from a piped password, and refuses the same email again', async () => {
    const env = { DATA_DIR: tempDir() };
    const args = ['create-moderator', '--email', 'ana@example.org', '--name', 'Ana Pereira'];
    const made = runBundle(bundle, args, env, 'a piped passphrase\n');
    expect(await made.exited).toEqual({ code: 0, signal: null });
    expect(made.stdout.join('\n')).not.toContain('Password');

    const again = runBundle(bundle, args, env);
    expect(await again.exited).toEqual({ code: 1, signal: null });
    expect(again.stderr).toEqual([
      'agora: An account with the email ana@example.org already exists; create-moderator changes no existing account.',
    ]);
  });

  it('stops on a wrong setting or command with one line that says what to fix', async () => {
    const port = runBundle(bundle, [], { PORT: 'eighty' });
    expect(await port.exited).toEqual({ code: 1, signal: null });
    expect(port.stderr).toEqual([
      'agora: PORT must be a whole number from 0 to 65535, not "eighty".',
    ]);

    const demo = runBundle(bundle, ['serve'], { AGORA_DEMO: 'yes' });
    expect(await demo.exited).toEqual({ code: 1, signal: null });
    expect(demo.stderr).toEqual([
      'agora: AGORA_DEMO must be 1 (add the demo accounts) or 0, not "yes".',
    ]);

    const unknown = runBundle(bundle, ['serve-all'], {});
    expect(await unknown.exited).toEqual({ code: 2, signal: null });
    expect(unknown.stderr[0]).toBe('agora: there is no command "serve-all".');
  });
});
