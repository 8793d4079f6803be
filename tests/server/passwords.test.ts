/**
 * Passwords: scrypt at OWASP's parameters on the server (node:crypto), the same
 * format from @noble/hashes in the in-page backend, each verifying the other's;
 * the stored string names its parameters and holds no password; hashes of the
 * earlier PBKDF2 form still verify and are made again with scrypt at sign-in.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createMemoryBackend, nobleScrypt } from '../../src/server/memory';
import { serverPasswords } from '../../src/server/node/scrypt';
import { DEMO_SCRYPT, SERVER_SCRYPT, pbkdf2Hasher, scryptHasher } from '../../src/server/passwords';
import { setPasswordHash } from '../../src/server/store/people';
import { MODERATOR, PARTICIPANT, dumpDatabase, startOn, tempDir } from './harness';

const PASSWORD = 'correct horse battery staple';
const B64 = '[A-Za-z0-9+/]+={0,2}';

describe('password hashes', { timeout: 60_000 }, () => {
  it('made by the server at OWASP’s cost verify in the browser’s implementation, and back', async () => {
    const node = serverPasswords();
    const browser = scryptHasher(nobleScrypt, SERVER_SCRYPT);
    const stored = await node.hash(PASSWORD);
    expect(stored).toMatch(new RegExp(`^scrypt\\$17\\$8\\$1\\$${B64}\\$${B64}$`));
    expect(await browser.verify(stored, PASSWORD)).toBe(true);

    const demo = await scryptHasher(nobleScrypt, DEMO_SCRYPT).hash(PASSWORD);
    expect(demo).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await serverPasswords().verify(demo, PASSWORD)).toBe(true);
    expect(await serverPasswords().verify(demo, `${PASSWORD}!`)).toBe(false);
  });

  it('hold a 16-byte salt and a 32-byte key, never the password, and differ each time', async () => {
    const hasher = serverPasswords(DEMO_SCRYPT);
    const [a, b] = [await hasher.hash(PASSWORD), await hasher.hash(PASSWORD)];
    expect(a).not.toBe(b);
    const [, , , , salt, key] = a.split('$');
    expect(atob(salt ?? '')).toHaveLength(16);
    expect(atob(key ?? '')).toHaveLength(32);
    for (const part of ['correct', 'horse', 'battery', 'staple', btoa(PASSWORD)]) {
      expect(a).not.toContain(part);
    }
  });

  it('refuse a wrong password, a broken string and parameters past the bounds', async () => {
    const hasher = serverPasswords(DEMO_SCRYPT);
    const stored = await hasher.hash(PASSWORD);
    expect(await hasher.verify(stored, 'correct horse battery stapler')).toBe(false);
    for (const broken of [
      '',
      'scrypt$10$8$1$',
      stored.replace('scrypt$10$', 'scrypt$30$'),
      stored.replace('$8$1$', '$800$1$'),
      stored.replace('$8$1$', '$8$0$'),
      `${stored}$more`,
      PASSWORD,
    ]) {
      expect(await hasher.verify(broken, PASSWORD), broken).toBe(false);
    }
  });

  it('of the earlier PBKDF2 form still verify, and are made again with scrypt at sign-in', async () => {
    const memory = await createMemoryBackend();
    const app = createApp(memory.backend);
    const db = memory.engine().db;
    const old = await pbkdf2Hasher(1_000).hash(PARTICIPANT.password);
    await setPasswordHash(db, 'u-amina', old);
    const stored = async () =>
      (
        await db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', 'u-amina')
          .executeTakeFirstOrThrow()
      ).password_hash;
    const signIn = (password: string) =>
      app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: PARTICIPANT.email, password }),
      });

    expect((await signIn('not her password')).status).toBe(401);
    expect(await stored()).toBe(old);
    expect((await signIn(PARTICIPANT.password)).status).toBe(200);
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$10\$8\$1\$/);
    expect((await signIn(PARTICIPANT.password)).status).toBe(200);
    expect(await stored()).toBe(upgraded);
  });

  it('are stored by the server with scrypt: at OWASP’s cost when joining, cheaply for the demo accounts', async () => {
    const { config, visitor } = await startOn(tempDir(), { passwords: serverPasswords() });
    const joined = await visitor().call('/api/accounts', {
      json: { displayName: 'Zeynep Kaya', email: 'zeynep@example.org', password: PASSWORD },
    });
    expect(joined.status).toBe(201);
    await visitor().signIn(MODERATOR);
    const users = (await dumpDatabase(config)).users ?? [];
    const hashOf = (email: string) => users.find((u) => u.email === email)?.password_hash;
    expect(hashOf('zeynep@example.org')).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(hashOf(MODERATOR.email)).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(JSON.stringify(users)).not.toContain(PASSWORD);
  });
});
