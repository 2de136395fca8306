/**
 * Adapters of the notification ports: SMTP through nodemailer, a database outbox (table
 * `notification_outbox`) that the back office can list, and a logging SMS sender for development.
 */
import nodemailer from 'nodemailer';
import type { Queryable } from '../dossier-code.js';
import type { MailMessage, MailSender, SmsMessage, SmsSender } from './ports.js';

/** Sends mail through an SMTP server given as a URL, e.g. `smtps://user:pass@mail.example.vn:465`. */
export class SmtpMailSender implements MailSender {
  constructor(
    private readonly transport: nodemailer.Transporter,
    private readonly from: string,
  ) {}

  /** Builds the sender from an SMTP URL; `from` is e.g. `"Một Cửa Đồng Tháp" <motcua@dongthap.gov.vn>`. */
  static fromUrl(smtpUrl: string, from: string): SmtpMailSender {
    return new SmtpMailSender(nodemailer.createTransport(smtpUrl), from);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.dossierCode ? { 'X-Motcua-Dossier': message.dossierCode } : undefined,
    });
  }
}

/** A stored notification as the back office lists it. */
export interface OutboxEntry {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  template: string | null;
  dossierCode: string | null;
  status: 'pending' | 'sent' | 'failed';
  createdAt: Date;
}

async function insertOutbox(
  db: Queryable,
  channel: 'email' | 'sms',
  row: { to: string; subject?: string; text: string; html?: string; template?: string; dossierCode?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO notification_outbox (channel, recipient, subject, body, html, template, dossier_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      channel,
      row.to,
      row.subject ?? null,
      row.text,
      row.html ?? null,
      row.template ?? null,
      row.dossierCode ?? null,
    ],
  );
}

/**
 * Stores mail in `notification_outbox` instead of sending it. Given the caller's transaction client, the
 * mail is recorded only if the dossier change commits; a relay (or an officer) sends pending rows later.
 */
export class OutboxMailSender implements MailSender {
  constructor(private readonly db: Queryable) {}

  async send(message: MailMessage): Promise<void> {
    await insertOutbox(this.db, 'email', message);
  }
}

/** Stores SMS in `notification_outbox`, like {@link OutboxMailSender}. */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly db: Queryable) {}

  async send(message: SmsMessage): Promise<void> {
    await insertOutbox(this.db, 'sms', message);
  }
}

/** The newest outbox entries, optionally for one dossier, for the back office and the citizen's history. */
export async function listOutbox(
  db: Queryable,
  filter: { dossierCode?: string; limit?: number } = {},
): Promise<OutboxEntry[]> {
  const result = await db.query<{
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string | null;
    body: string;
    template: string | null;
    dossier_code: string | null;
    status: 'pending' | 'sent' | 'failed';
    created_at: Date;
  }>(
    `SELECT id, channel, recipient, subject, body, template, dossier_code, status, created_at
       FROM notification_outbox
      WHERE $1::text IS NULL OR dossier_code = $1
      ORDER BY created_at DESC, id DESC
      LIMIT $2`,
    [filter.dossierCode ?? null, Math.min(filter.limit ?? 50, 500)],
  );
  return result.rows.map((r) => ({
    id: String(r.id),
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    template: r.template,
    dossierCode: r.dossier_code,
    status: r.status,
    createdAt: r.created_at,
  }));
}

/** Writes SMS to a log instead of a gateway (development, or until a provider is contracted). */
export class LoggingSmsSender implements SmsSender {
  constructor(private readonly log: (line: string) => void) {}

  async send(message: SmsMessage): Promise<void> {
    this.log(
      `SMS to ${maskPhone(message.to)}${message.dossierCode ? ` [${message.dossierCode}]` : ''}: ${message.text}`,
    );
  }
}

/** Hides the middle digits of a phone number: logs must not collect personal data (Decree 13/2023, §8.2). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return digits.length <= 6 ? '***' : `${digits.slice(0, 3)}****${digits.slice(-3)}`;
}
