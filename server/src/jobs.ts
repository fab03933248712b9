// Every outbox job kind and its handler. Modules add theirs here.
import type { HandlerRegistry } from './platform/outbox/outbox';
import { MAIL_SEND, sendMail } from './platform/mail';
import { IMPORT_RUN, runImportJob } from './modules/people/import/imports.service';
import { SMS_SEND, sendSms } from './platform/sms';

export function buildHandlers(): HandlerRegistry {
  return new Map([
    [MAIL_SEND, sendMail],
    [SMS_SEND, sendSms],
    [IMPORT_RUN, runImportJob],
  ]);
}
