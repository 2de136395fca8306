/** Ports for sending notifications, so the domain does not depend on SMTP, an SMS gateway or the database. */

/** An e-mail to send. `template` and `dossierCode` let the outbox list mails per dossier. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  template?: string;
  dossierCode?: string;
}

/** Sends e-mail (SMTP, or an outbox the back office shows). */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** An SMS to send; Vietnamese mobile numbers like `0912345678` or `+84912345678`. */
export interface SmsMessage {
  to: string;
  text: string;
  template?: string;
  dossierCode?: string;
}

/** Sends SMS (no gateway is chosen yet: a logging adapter and the outbox exist). */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}
