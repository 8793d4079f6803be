/**
 * The server with SMTP_URL set, for the tests of what it mails: a local SMTP
 * server started for each test, the mails it received, and the Agora servers
 * started on it, all stopped after the test (the servers first).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/main';
import {
  type EngineName,
  TEST_PASSWORDS,
  configFor,
  fakeClient,
  memoryLog,
  onEngine,
  tempDir,
} from './harness';

export const MAIL_ORIGIN = 'https://discuss.example.org';

export interface Mail {
  to: string;
  text: string;
}

/** Registers the test's hooks; `mails` fills as the local SMTP server receives them. */
export function localMailbox() {
  const mails: Mail[] = [];
  const servers: RunningServer[] = [];
  let smtp: SMTPServer | null = null;

  beforeEach(async () => {
    mails.length = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtp = server;
  });

  afterEach(async () => {
    for (const server of servers.splice(0).reverse()) await server.close();
    const server = smtp;
    smtp = null;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  });

  /** Where to send mail: the local SMTP server of the running test. */
  function smtpUrl(): string {
    if (!smtp) throw new Error('The mailbox is up only inside a test.');
    const { port } = smtp.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** An Agora server on `engine` that mails through the local SMTP server, on MAIL_ORIGIN. */
  async function startWithMail(engine: EngineName, env: Record<string, string> = {}) {
    const dataDir = tempDir();
    await onEngine(dataDir, engine);
    const config = configFor(dataDir, {
      AGORA_DEMO: '1',
      PUBLIC_ORIGIN: MAIL_ORIGIN,
      SMTP_URL: smtpUrl(),
      MAIL_FROM: 'Agora <agora@example.org>',
      ...env,
    });
    const server = await startServer({
      config,
      clientDir: fakeClient(),
      log: memoryLog().log,
      passwords: TEST_PASSWORDS,
    });
    servers.push(server);
    return server;
  }

  return { mails, smtpUrl, startWithMail };
}
