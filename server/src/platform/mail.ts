// Mail to staff (account notices). The "log" transport writes each message as an .eml file in
// $SIAGA_DATA_DIR/outbox/ and logs it, so whoever tries Siaga can read what was sent. Real SMTP
// delivery arrives with the messaging channels.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { JobHandler } from './outbox/outbox';

export const MAIL_SEND = 'mail.send';
export const MailPayload = z.object({ to: z.email(), subject: z.string().min(1), text: z.string() });
export type MailPayload = z.infer<typeof MailPayload>;

export const sendMail: JobHandler = async (job, deps) => {
  const mail = MailPayload.parse(job.payload);
  const dir = path.join(deps.config.dataDir, 'outbox');
  await fs.mkdir(dir, { recursive: true });
  const eml = [
    `Message-ID: <${job.id}@siaga>`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    mail.text,
  ].join('\r\n');
  // Named by job id: a retry rewrites the same file instead of sending twice.
  await fs.writeFile(path.join(dir, `${job.id}.eml`), eml);
  deps.log.info({ job: job.id, to: mail.to, subject: mail.subject }, 'mail written (log transport)');
};
