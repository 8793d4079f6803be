/**
 * A forgotten password on the real server with SMTP_URL set: the link goes out
 * through a local SMTP server this test starts, addressed from PUBLIC_ORIGIN,
 * and it works once. security-people.test.ts covers the rules on the in-memory
 * app; this is the Node server's wiring of the mailer, over a socket.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES, PARTICIPANT, visitor } from './harness';
import { MAIL_ORIGIN as ORIGIN, type Mail, localMailbox } from './mailbox';

const NEW_PASSWORD = 'a brand new long password';

const { mails, startWithMail } = localMailbox();

/** The link of a mail, as a person would copy it: quoted-printable soft breaks joined. */
function linkIn(mail: Mail | undefined): URL {
  const text = (mail?.text ?? '').replace(/=\r?\n/g, '');
  const found = /https:\/\/\S+\/reset-password\/[0-9a-f]+/.exec(text)?.[0];
  if (!found) throw new Error(`no reset link in the mail:\n${text}`);
  return new URL(found);
}

describe.each(ENGINES)('a forgotten password by email, on %s', { timeout: 30_000 }, (engine) => {
  it('mails a link on the public origin that sets a new password once and ends other sessions', async () => {
    const server = await startWithMail(engine);
    const elsewhere = visitor(server.url);
    await elsewhere.signIn(PARTICIPANT);
    const person = visitor(server.url);

    expect(await (await person.call('/api/password-resets')).json()).toEqual({ email: true });
    const asked = await person.call('/api/password-resets', {
      json: { email: PARTICIPANT.email },
    });
    expect(asked.status).toBe(202);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe(PARTICIPANT.email);
    const link = linkIn(mails[0]);
    expect(link.origin).toBe(ORIGIN);

    const token = link.pathname.replace('/reset-password/', '');
    expect((await person.call(`/api/password-resets/${token}`)).status).toBe(200);
    const set = await person.call(`/api/password-resets/${token}`, {
      json: { password: NEW_PASSWORD },
    });
    expect(set.status).toBe(204);

    const session: unknown = await (await elsewhere.call('/api/session')).json();
    expect(session).toEqual({ user: null });
    const old = await visitor(server.url).call('/api/session', { json: PARTICIPANT });
    expect(old.status).toBe(401);
    await visitor(server.url).signIn({ email: PARTICIPANT.email, password: NEW_PASSWORD });

    const again = await person.call(`/api/password-resets/${token}`, {
      json: { password: 'yet another long password' },
    });
    expect(again.status).toBe(404);
    const body = (await again.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/expired or has already been used/);
    await visitor(server.url).signIn({ email: PARTICIPANT.email, password: NEW_PASSWORD });
  });

  it('answers an unknown email the same 202 and sends nothing', async () => {
    const server = await startWithMail(engine);
    const person = visitor(server.url);
    const unknown = await person.call('/api/password-resets', {
      json: { email: 'nobody@example.org' },
    });
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ email: true });
    expect(mails).toEqual([]);
  });
});
