/**
 * Email the forum sends: the one-time link that resets a forgotten password,
 * and notifications to those who asked for them by email (at once, or daily). Configured by SMTP_URL and MAIL_FROM; without them the forum sends
 * nothing and moderators issue reset links instead.
 */
import { createTransport } from 'nodemailer';

export interface Mailer {
  /** `path` is the app's address of the link, e.g. /reset-password/<token>. */
  sendResetLink(to: { email: string; name: string }, path: string): Promise<void>;
  /** Notifications, oldest first: one at once, or a day's as a digest. Never the entries' text. */
  sendNotifications(
    to: { email: string; name: string },
    notifications: MailedNotification[],
    digest: boolean,
  ): Promise<void>;
}

export interface MailedNotification {
  message: string;
  reason: string | null;
  /** The app's address of the entry, or null once it is gone. */
  path: string | null;
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
    async sendNotifications(to, notifications, digest) {
      const first = notifications[0];
      const subject =
        digest || !first
          ? `Agora: ${notifications.length === 1 ? '1 notification' : `${notifications.length} notifications`} today`
          : `Agora: ${first.message}`;
      const lines = notifications.flatMap((n) => [
        `- ${n.message}`,
        ...(n.reason ? [`  Reason: ${n.reason}`] : []),
        ...(n.path ? [`  ${new URL(n.path, origin).href}`] : []),
      ]);
      await transport.sendMail({
        from,
        to: { name: to.name, address: to.email },
        subject,
        text: [
          `Hello ${to.name},`,
          '',
          ...lines,
          '',
          `All your notifications: ${new URL('/notifications', origin).href}`,
          `To stop these emails, choose “Never” on your account page: ${new URL('/account', origin).href}`,
        ].join('\n'),
      });
    },
  };
}
