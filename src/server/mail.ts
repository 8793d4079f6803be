/**
 * Email the forum sends: for now, the one-time link that resets a forgotten
 * password. Configured by SMTP_URL and MAIL_FROM; without them the forum sends
 * nothing and moderators issue reset links instead.
 */
import { createTransport } from 'nodemailer';

export interface Mailer {
  /** `path` is the app's address of the link, e.g. /reset-password/<token>. */
  sendResetLink(to: { email: string; name: string }, path: string): Promise<void>;
}

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** Where people reach the forum, to make the link absolute. */
  origin: string;
}

export function smtpMailer({ smtpUrl, from, origin }: MailSettings): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async sendResetLink(to, path) {
      const link = new URL(path, origin).href;
      await transport.sendMail({
        from,
        to: { name: to.name, address: to.email },
        subject: 'Reset your Agora password',
        text: [
          `Hello ${to.name},`,
          '',
          'Someone (we hope you) asked to reset the password of your Agora account.',
          `Open this link within an hour to choose a new one; it works once:`,
          '',
          link,
          '',
          'If you did not ask, ignore this email: your password stays as it is.',
        ].join('\n'),
      });
    },
  };
}
