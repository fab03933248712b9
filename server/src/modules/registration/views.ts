// Building blocks of the public pages: labelled fields with their hint and error, the country
// list, and the short pages (code sent, done, expired, invalid link, too many requests, errors).
import { attrs, markup, page, type Html } from './html';
import { dict, fmt, type Dict, type Lang } from './i18n';
import { COMMON_COUNTRIES, countryOptions } from './options';
import type { FieldErrors } from './form';
import type { Channel } from './messages';

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

export interface FieldOpts {
  hint?: string;
  required?: boolean;
}

/** A label, the control, its hint and its error, tied together for screen readers. */
export function field(
  t: Dict,
  errors: FieldErrors,
  name: string,
  label: string,
  control: (attrs: Html) => Html,
  o: FieldOpts = {},
): Html {
  const id = fieldId(name);
  const err = errors[name];
  const described = [o.hint ? `${id}-h` : '', err ? `${id}-e` : ''].filter(Boolean).join(' ');
  const common = markup`id="${id}" name="${name}"${o.required ? attrs(' required') : ''}${
    err ? attrs(' aria-invalid="true"') : ''
  }${described ? markup` aria-describedby="${described}"` : ''}`;
  const hint = o.hint ? markup`<p class="h" id="${id}-h">${o.hint}</p>` : '';
  const error = err ? markup`<p class="e" id="${id}-e">${t.err[err]}</p>` : '';
  return markup`
<label for="${id}">${label}${o.required ? ' *' : ''}</label>${hint}${control(common)}${error}`;
}

/** A text input; `extra` holds constant attributes from the code, never input. */
export const textInput =
  (value: string, extra = '') =>
  (common: Html) =>
    markup`<input ${common} value="${value}"${extra ? attrs(` ${extra}`) : ''}>`;

export const textArea = (value: string) => (common: Html) =>
  markup`<textarea ${common} rows="2" maxlength="500">${value}</textarea>`;

export function select(
  value: string,
  choices: readonly { value: string; label: string }[],
  chooseLabel: string,
): (common: Html) => Html {
  return (common) =>
    markup`<select ${common}><option value="">${chooseLabel}</option>${choices.map(
      (c) =>
        markup`<option value="${c.value}"${c.value === value ? attrs(' selected') : ''}>${c.label}</option>`,
    )}</select>`;
}

/** Countries of residence, the most common first; an unknown code matches no option. */
export function countrySelect(lang: Lang, value: string): (common: Html) => Html {
  const t = dict(lang);
  const all = countryOptions(lang);
  const option = (c: { code: string; name: string }, selected: boolean) =>
    markup`<option value="${c.code}"${selected ? attrs(' selected') : ''}>${c.name}</option>`;
  const common = COMMON_COUNTRIES.map((code) => all.find((c) => c.code === code)!);
  const inCommon = COMMON_COUNTRIES.includes(value);
  return (attributes) =>
    markup`<select ${attributes}><option value="">${t.choose}</option><optgroup label="${t.commonCountries}">${common.map(
      (c) => option(c, c.code === value),
    )}</optgroup><optgroup label="${t.allCountries}">${all.map((c) =>
      option(c, !inCommon && c.code === value),
    )}</optgroup></select>`;
}

export function layout(lang: Lang, title: string, body: Html, switchHref: string | null): string {
  const t = dict(lang);
  return page({ lang, title, body, switchHref, switchLabel: t.switchLang, brand: t.brand });
}

export const formHref = (lang: Lang) => `/lapor?lang=${lang}`;

export function codePage(
  lang: Lang,
  s: { id: string; channel: Channel; sentTo: string | null; minutes: number },
  wrong?: { remaining: number },
): string {
  const t = dict(lang);
  const email = s.channel === 'email';
  const sent =
    s.sentTo === null
      ? email
        ? t.codeAgainEmail
        : t.codeAgainSms
      : fmt(email ? t.codeSentEmail : t.codeSentSms, { to: s.sentTo });
  const error = wrong ? fmt(t.codeWrong, { n: wrong.remaining }) : null;
  const body = markup`<h1>${t.codeTitle}</h1>
<p class="box">${sent} ${fmt(t.codeValid, { minutes: s.minutes })}</p>
<form method="post" action="/lapor/verify">
<input type="hidden" name="id" value="${s.id}">
<input type="hidden" name="lang" value="${lang}">
<label for="f-code">${t.codeLabel}</label>
<input id="f-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="10" required${
    error ? attrs(' aria-invalid="true" aria-describedby="f-code-e"') : ''
  }>${error ? markup`<p class="e" id="f-code-e" role="alert">${error}</p>` : ''}
<button type="submit">${t.verify}</button>
</form>
<p class="h">${t.notReceived} <a href="${formHref(lang)}">${t.startAgain}</a></p>`;
  return layout(lang, t.codeTitle, body, null);
}

export function donePage(
  lang: Lang,
  d: { url: string; token: string; people: number; sentTo: string },
): string {
  const t = dict(lang);
  const body = markup`<h1>${t.doneTitle}</h1>
<p class="box ok" role="status">${fmt(t.doneText, { n: d.people })}</p>
<p>${fmt(t.linkIntro, { to: d.sentTo })}</p>
<p class="link" data-testid="manage-link">${d.url}</p>
<p><a href="/lapor/m/${d.token}?lang=${lang}">${t.openLink}</a></p>`;
  return layout(lang, t.doneTitle, body, null);
}

/** A dead end with a way back to the form: expired code, already confirmed, unknown page. */
export function noticePage(lang: Lang, title: string, text: string): string {
  const t = dict(lang);
  const body = markup`<h1>${title}</h1>
<p class="box bad">${text}</p>
<p><a href="${formHref(lang)}">${t.register}</a></p>`;
  return layout(lang, title, body, null);
}

export const expiredPage = (lang: Lang, minutes: number, attempts: number) =>
  noticePage(lang, dict(lang).expiredTitle, fmt(dict(lang).expiredText, { minutes, n: attempts }));

export const tooManyPage = (lang: Lang, seconds: number) =>
  noticePage(
    lang,
    dict(lang).tooManyTitle,
    fmt(dict(lang).tooManyText, { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
  );

export const linkInvalidPage = (lang: Lang) =>
  noticePage(lang, dict(lang).linkInvalidTitle, dict(lang).linkInvalidText);

export const errorPage = (lang: Lang, requestId: string) =>
  noticePage(lang, dict(lang).errorTitle, fmt(dict(lang).errorText, { id: requestId }));
