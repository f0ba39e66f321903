import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export interface SmtpConfig {
  /** smtp://user:password@host:port, or smtps:// for TLS from the first byte. */
  url: string;
  from: string;
}

export class SmtpConfigError extends Error {}

/** E-mail stays off unless SMTP_URL is set; SMTP_FROM names the sender. */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url))
    throw new SmtpConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${url}"`);
  return { url, from: env.SMTP_FROM?.trim() || 'NTM Monitor <ntm-monitor@localhost>' };
}

export function createMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport(config.url);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
