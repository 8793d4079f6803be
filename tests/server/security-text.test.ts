/**
 * Names and texts over the real server: control and format characters that
 * would reverse words, hide text or pass one name for another are removed
 * before any length check, a name of only invisible characters is refused, and
 * so is a password of only spaces.
 */
import { describe, expect, it } from 'vitest';
import { SLUG, startOn, tempDir } from './harness';

type Visitor = ReturnType<Awaited<ReturnType<typeof startOn>>['visitor']>;

interface Refusal {
  error: { code: string; message: string; fields?: Record<string, string> };
}

let serial = 0;
const join = (v: Visitor, fields: { displayName: string; organisation?: string }) => {
  serial += 1;
  return v.call('/api/accounts', {
    json: { ...fields, email: `text-${serial}@example.org`, password: 'a fine passphrase' },
  });
};

async function joined(v: Visitor, fields: { displayName: string; organisation?: string }) {
  const response = await join(v, fields);
  expect(response.status).toBe(201);
  return ((await response.json()) as { user: { displayName: string; organisation: string | null } })
    .user;
}

describe('names', () => {
  it('refuses a name of only bidi and zero-width characters with a message, and stores a name without them', async () => {
    const { visitor } = await startOn(tempDir());
    const refused = await join(visitor(), { displayName: '\u202E\u200B' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as Refusal;
    expect(body.error.fields?.displayName).toMatch(/Enter a name people can read/);

    const v = visitor();
    expect(await joined(v, { displayName: 'Amina\u202Eevil' })).toMatchObject({
      displayName: 'Aminaevil',
    });
    const account = (await (await v.call('/api/account')).json()) as {
      user: { displayName: string };
    };
    expect(account.user.displayName).toBe('Aminaevil');

    const renamed = await v.call('/api/account', {
      method: 'PATCH',
      json: { displayName: '\u2066\u2069\uFEFF', organisation: '' },
    });
    expect(renamed.status).toBe(400);
    expect(((await renamed.json()) as Refusal).error.fields?.displayName).toMatch(
      /Enter a name people can read/,
    );
  });

  it('counts the visible characters of an organisation against its limit of 120', async () => {
    const { visitor } = await startOn(tempDir());
    const visible = 'O'.repeat(120);
    const padded = 'O\u200B'.repeat(120);
    expect(await joined(visitor(), { displayName: 'Ines', organisation: padded })).toMatchObject({
      organisation: visible,
    });
    const over = await join(visitor(), { displayName: 'Ines', organisation: `${visible}O` });
    expect(over.status).toBe(400);
    const onlyInvisible = await join(visitor(), {
      displayName: 'Ines',
      organisation: '\u200F\u200E',
    });
    expect(((await onlyInvisible.json()) as Refusal).error.fields?.organisation).toMatch(
      /organisation people can read/,
    );
  });
});

describe('passwords', () => {
  it('refuses a password of only spaces, and keeps spaces inside one', async () => {
    const { visitor } = await startOn(tempDir());
    const spaces = await visitor().call('/api/accounts', {
      json: { displayName: 'Spacey', email: 'spaces@example.org', password: '        ' },
    });
    expect(spaces.status).toBe(400);
    expect(((await spaces.json()) as Refusal).error.fields?.password).toMatch(/only spaces/);

    const phrase = { email: 'phrase@example.org', password: '  a  phrase with spaces  ' };
    const ok = await visitor().call('/api/accounts', {
      json: { displayName: 'Phrase', ...phrase },
    });
    expect(ok.status).toBe(201);
    const again = visitor();
    await again.signIn(phrase);
  });
});

describe('texts', () => {
  it('stores a comment without NUL, C1 controls, lone surrogates and bidi controls, keeping its lines and tabs', async () => {
    const { visitor } = await startOn(tempDir());
    const v = visitor();
    await joined(v, { displayName: 'Writer' });
    const posted = await v.call(`/api/discussions/${SLUG}/comments`, {
      json: { body: 'Safe\u0000 text\u202E here\u0085\uD800\nand a\tsecond line\u2066' },
    });
    expect(posted.status).toBe(201);
    const comment = (await posted.json()) as { body: string; html: string };
    expect(comment.body).toBe('Safe text here\nand a\tsecond line');
    expect(comment.html.includes('\u0000') || comment.html.includes('\u202E')).toBe(false);
  });

  it('checks a comment’s minimum length on what shows', async () => {
    const { visitor } = await startOn(tempDir());
    const v = visitor();
    await joined(v, { displayName: 'Writer' });
    const posted = await v.call(`/api/discussions/${SLUG}/comments`, {
      json: { body: 'x\u200B\u200B\u200B\u2060' },
    });
    expect(posted.status).toBe(400);
    expect(((await posted.json()) as Refusal).error.fields?.body).toMatch(/at least 2/);
  });
});
