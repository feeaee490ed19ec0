import nodemailer from 'nodemailer';
import type {ServerConfig} from '../config.js';

/** One email, always in both forms: some readers show only plain text. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * The one way this server sends mail. Sign-in links and notifications both go through it,
 * so tests swap in a transport pointed at a local SMTP server and nothing else changes.
 */
export interface Mailer {
  readonly from: string;
  /** Resolves once the SMTP server accepted the message; rejects on any failure (the caller retries). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A Mailer over SMTP, or `undefined` when no server is configured (email features are then off). */
export function createMailer(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const url = new URL(config.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? {auth: {user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password)}} : {}),
    // A stalled mail server must not hold a request or the queue forever.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from: config.mailFrom,
    async send(mail) {
      await transport.sendMail({from: config.mailFrom, ...mail});
    },
    close() {
      transport.close();
    },
  };
}
