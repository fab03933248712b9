// Every outbox job kind and its handler. Modules add theirs here.
import type { HandlerRegistry } from './platform/outbox/outbox';
import { MAIL_SEND, sendMail } from './platform/mail';

export function buildHandlers(): HandlerRegistry {
  return new Map([[MAIL_SEND, sendMail]]);
}
