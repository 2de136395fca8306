import nodemailer from 'nodemailer';
import pg from 'pg';
import { testDatabase } from '../../../../tests/support/database';
import {
  LoggingSmsSender,
  OutboxMailSender,
  OutboxSmsSender,
  SmtpMailSender,
  listOutbox,
  renderNotification,
  type NotificationData,
  type NotificationKind,
} from './index.js';

const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const data: NotificationData = {
  dossierCode: '000.00.12.H58-250303-0007',
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  applicantName: 'Nguyễn Thị Hồng Nhung',
  agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Đồng Tháp',
  receivedAt: vn('2025-03-03 09:15'),
  dueAt: vn('2025-03-06 09:15'),
  newDueAt: vn('2025-03-10 15:00'),
  supplementBy: vn('2025-03-13 17:00'),
  items: ['Biên bản họp thành viên hộ gia đình'],
  trackingUrl: 'https://dichvucong.example.vn/tra-cuu',
};
const kinds: NotificationKind[] = ['receipt', 'supplementation', 'refusal', 'apology', 'result-ready'];

describe('notification templates', () => {
  it.each(kinds)('should name the dossier in subject, body and SMS when rendering %s', (kind) => {
    // given / when
    const m = renderNotification(kind, data);
    // then
    expect(m.subject).toContain(data.dossierCode);
    expect(m.text).toContain(data.dossierCode);
    expect(m.text).toMatch(/^Kính gửi Ông\/Bà Nguyễn Thị Hồng Nhung,/);
    expect(m.sms).toContain(data.dossierCode);
  });

  it.each(kinds)('should keep the SMS to one plain 160-character segment when rendering %s', (kind) => {
    // given / when
    const { sms } = renderNotification(kind, data);
    // then
    expect(sms).toMatch(/^[\x20-\x7e]+$/);
    expect(sms.length).toBeLessThanOrEqual(160);
  });

  it('should format dates as dd/MM/yyyy HH:mm in Vietnam time when rendering the receipt', () => {
    // given / when
    const m = renderNotification('receipt', data);
    // then
    expect(m.text).toContain('lúc 03/03/2025 09:15');
    expect(m.text).toContain('Thời gian hẹn trả kết quả: 06/03/2025 09:15.');
    expect(m.sms).toBe(
      'Ho so 000.00.12.H58-250303-0007 da duoc tiep nhan. Hen tra ket qua: 06/03/2025 09:15.',
    );
  });

  it('should give the new date when rendering the apology', () => {
    // given / when
    const m = renderNotification('apology', data);
    // then
    expect(m.text).toContain('hẹn trả kết quả vào 10/03/2025 15:00.');
    expect(m.text).toContain('Lý do:\n  1. Biên bản họp thành viên hộ gia đình');
  });
});

describe('SmtpMailSender', () => {
  it('should build a UTF-8 message with the Vietnamese subject when sending', async () => {
    // given a nodemailer stream transport instead of a server (smtp-server is not installed)
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const sent: Buffer[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      const info = await original(mail);
      sent.push(info.message as Buffer);
      return info;
    }) as typeof transport.sendMail;
    const sender = new SmtpMailSender(transport, '"Một Cửa" <motcua@example.vn>');
    const m = renderNotification('receipt', data);
    // when
    await sender.send({
      to: 'nhung@example.vn',
      subject: m.subject,
      text: m.text,
      dossierCode: data.dossierCode,
    });
    // then
    const raw = sent[0]?.toString('utf8') ?? '';
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).toContain('X-Motcua-Dossier: 000.00.12.H58-250303-0007');
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
  });

  it('should create a transport when given an SMTP URL', () => {
    // given / when
    const sender = SmtpMailSender.fromUrl('smtp://user:secret@127.0.0.1:2525', 'motcua@example.vn');
    // then
    expect(sender).toBeInstanceOf(SmtpMailSender);
  });
});

describe('outbox adapters', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase(), max: 4 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('should list stored mail and SMS for the dossier when both were sent through the outbox', async () => {
    // given a dossier code unique to this run
    const code = `000.00.12.H99-250303-${String(Date.now() % 10_000).padStart(4, '0')}`;
    const m = renderNotification('receipt', { ...data, dossierCode: code });
    // when
    await new OutboxMailSender(pool).send({
      to: 'nhung@example.vn',
      subject: m.subject,
      text: m.text,
      template: 'receipt',
      dossierCode: code,
    });
    await new OutboxSmsSender(pool).send({
      to: '0912345678',
      text: m.sms,
      template: 'receipt',
      dossierCode: code,
    });
    const entries = await listOutbox(pool, { dossierCode: code });
    // then
    expect(entries.map((e) => e.channel).sort()).toEqual(['email', 'sms']);
    const mail = entries.find((e) => e.channel === 'email');
    expect(mail).toMatchObject({
      recipient: 'nhung@example.vn',
      subject: m.subject,
      body: m.text,
      status: 'pending',
    });
  });

  it('should store nothing when the caller rolls its transaction back', async () => {
    // given
    const code = '000.00.12.H99-250303-9999';
    const client = await pool.connect();
    // when
    try {
      await client.query('BEGIN');
      await new OutboxMailSender(client).send({
        to: 'a@example.vn',
        subject: 's',
        text: 't',
        dossierCode: code,
      });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    // then
    expect(await listOutbox(pool, { dossierCode: code })).toEqual([]);
  });
});

describe('LoggingSmsSender', () => {
  it('should log the text with a masked number when sending', async () => {
    // given
    const lines: string[] = [];
    const sender = new LoggingSmsSender((l) => lines.push(l));
    // when
    await sender.send({ to: '0912 345 678', text: 'Ho so da co ket qua', dossierCode: 'X' });
    // then
    expect(lines).toEqual(['SMS to 091****678 [X]: Ho so da co ket qua']);
  });
});
