// The messages a registrant receives, in their language, through the outbox: by SMS to a phone
// (sms.send) or by mail (mail.send). Each carries an idempotency key, so a retried request never
// sends the same message twice.
import type { Executor } from '../../db/client';
import type { Deps } from '../../platform/context';
import { MAIL_SEND } from '../../platform/mail';
import { enqueue } from '../../platform/outbox/outbox';
import { SMS_SEND } from '../../platform/sms';
import { dict, fmt, type Lang } from './i18n';

export type Channel = 'phone' | 'email';

async function send(
  db: Executor,
  deps: Pick<Deps, 'config' | 'now'>,
  channel: Channel,
  to: string,
  key: string,
  sms: string,
  mail: { subject: string; text: string },
) {
  await enqueue(db, deps, {
    kind: channel === 'phone' ? SMS_SEND : MAIL_SEND,
    payload: channel === 'phone' ? { to, text: sms } : { to, ...mail },
    idempotencyKey: key,
  });
}

export function sendCode(
  db: Executor,
  deps: Pick<Deps, 'config' | 'now'>,
  r: { id: string; channel: Channel; to: string; lang: Lang; code: string; minutes: number },
) {
  const t = dict(r.lang);
  const vars = { code: r.code, minutes: r.minutes };
  return send(db, deps, r.channel, r.to, `registration:${r.id}:code`, fmt(t.smsCode, vars), {
    subject: t.mailCodeSubject,
    text: fmt(t.mailCode, vars),
  });
}

export function sendLink(
  db: Executor,
  deps: Pick<Deps, 'config' | 'now'>,
  r: { id: string; channel: Channel; to: string; lang: Lang; url: string },
) {
  const t = dict(r.lang);
  return send(db, deps, r.channel, r.to, `registration:${r.id}:link`, fmt(t.smsLink, { url: r.url }), {
    subject: t.mailLinkSubject,
    text: fmt(t.mailLink, { url: r.url }),
  });
}

/** Enough of a contact for its owner to recognise it, too little for an onlooker: +62•••••7890, b•••@mail.com. */
export function maskContact(channel: Channel, value: string): string {
  if (channel === 'phone')
    return `${value.slice(0, 3)}${'•'.repeat(Math.max(value.length - 7, 2))}${value.slice(-4)}`;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(Math.min(local.length - 1, 6), 2))}${value.slice(at)}`;
}
