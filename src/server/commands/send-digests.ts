/**
 * `agora send-digests`: mails each person on the daily digest what they were
 * told since their last one. The server runs the same every hour; running it
 * from cron as well sends nothing twice (each digest is claimed in the database).
 */
import { type Config, UsageError } from '../config';
import { smtpMailer } from '../mail';
import { openDatabase } from '../node/database';
import { sendDigests } from '../rules/notifications';

export async function sendDigestsCommand(
  config: Config,
  _args: string[],
  { print = console.log }: { print?: (line: string) => void } = {},
): Promise<void> {
  if (!config.mail) {
    throw new UsageError('The forum sends no email: set SMTP_URL (and MAIL_FROM) to send digests.');
  }
  const mail = smtpMailer({ ...config.mail, origin: config.publicOrigin });
  const engine = await openDatabase(config);
  try {
    const sent = await sendDigests(engine.db, mail, new Date());
    print(sent === 1 ? '1 digest sent.' : `${sent} digests sent.`);
  } finally {
    await engine.close();
  }
}
