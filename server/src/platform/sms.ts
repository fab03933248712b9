// Text messages to nationals (one-time codes, links). The "log" transport writes each message to
// $SIAGA_DATA_DIR/outbox/<job id>.sms.txt and logs it, so whoever tries Siaga can read what would
// have been sent. A real SMS gateway arrives with the messaging channels.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { JobHandler } from './outbox/outbox';

export const SMS_SEND = 'sms.send';
export const SmsPayload = z.object({
  to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'An E.164 number'),
  text: z.string().min(1).max(1000),
});
export type SmsPayload = z.infer<typeof SmsPayload>;

export const sendSms: JobHandler = async (job, deps) => {
  const sms = SmsPayload.parse(job.payload);
  const dir = path.join(deps.config.dataDir, 'outbox');
  await fs.mkdir(dir, { recursive: true });
  // Named by job id: a retry rewrites the same file instead of sending twice.
  await fs.writeFile(path.join(dir, `${job.id}.sms.txt`), `To: ${sms.to}\n\n${sms.text}\n`);
  deps.log.info({ job: job.id, to: sms.to, text: sms.text }, 'sms written (log transport)');
};
