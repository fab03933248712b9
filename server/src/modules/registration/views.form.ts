// The registration form. It works without JavaScript: "add a family member" submits the form and
// comes back with one more row and every value kept; errors appear next to their fields.
import { STATUSES_ABROAD } from '@siaga/contracts';
import type { FieldErrors, FormValues, MemberValues } from './form';
import { attrs, markup, type Html } from './html';
import { dict, fmt, languageName, type Dict, type Lang } from './i18n';
import { FORM_SEXES, LANGUAGE_CHOICES, MAX_MEMBERS, MEMBER_RELATIONSHIPS } from './options';
import { countrySelect, field, fieldId, formHref, layout, select, textArea, textInput } from './views';

const sexChoices = (t: Dict) => FORM_SEXES.map((s) => ({ value: s, label: t[s] }));

function memberRow(t: Dict, errors: FieldErrors, m: MemberValues, i: number): Html {
  const f = (name: string, label: string, control: (a: Html) => Html, hint?: string) =>
    field(t, errors, `members.${i}.${name}`, label, control, hint ? { hint } : {});
  const relationships = MEMBER_RELATIONSHIPS.map((r) => ({ value: r, label: t.rel[r] }));
  return markup`
<fieldset><legend>${fmt(t.member, { n: i + 1 })}</legend>${[
    f('fullName', t.fullName, textInput(m.fullName, 'maxlength="200" autocomplete="off"')),
    f('relationship', t.relationship, select(m.relationship, relationships, t.choose)),
    f('sex', t.sex, select(m.sex, sexChoices(t), t.choose)),
    f('birthDate', t.birthDate, textInput(m.birthDate, 'maxlength="40" autocomplete="off"'), t.birthDateHint),
  ]}</fieldset>`;
}

/** A checkbox with its label; `extra` holds constant attributes from the code. */
function checkbox(name: string, value: string, checked: boolean, label: string, extra = '') {
  const id = fieldId(value === 'on' ? name : `${name}-${value}`);
  return markup`
<label class="c" for="${id}"><input type="checkbox" id="${id}" name="${name}" value="${value}"${
    checked ? attrs(' checked') : ''
  }${extra ? attrs(` ${extra}`) : ''}><span>${label}</span></label>`;
}

/** `fresh`: a first visit, whose language link loses nothing; a submitted form offers none. */
export function formPage(lang: Lang, v: FormValues, errors: FieldErrors = {}, fresh = false): string {
  const t = dict(lang);
  const f = (name: string, label: string, control: (a: Html) => Html, o?: Parameters<typeof field>[5]) =>
    field(t, errors, name, label, control, o);
  const err = (name: string) => {
    const key = errors[name];
    return key ? markup`<p class="e" id="${fieldId(name)}-e">${t.err[key]}</p>` : '';
  };
  const statuses = STATUSES_ABROAD.map((s) => ({ value: s, label: t.status[s] }));
  const ec = v.emergencyContact;
  const body = markup`<h1>${t.formTitle}</h1>
<p>${t.intro}</p>
<p class="h">${t.requiredNote}</p>${
    Object.keys(errors).length > 0 ? markup`<p class="box bad" role="alert">${t.errorSummary}</p>` : ''
  }
<form method="post" action="/lapor">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="memberRows" value="${v.members.length}">
<button type="submit" name="action" value="send" class="sr" tabindex="-1" aria-hidden="true">${t.submit}</button>
<fieldset><legend>${t.secYou}</legend>${[
    f('fullName', t.fullName, textInput(v.fullName, 'maxlength="200" autocomplete="name"'), {
      required: true,
    }),
    f('sex', t.sex, select(v.sex, sexChoices(t), t.choose), { required: true }),
    f('birthDate', t.birthDate, textInput(v.birthDate, 'maxlength="40" autocomplete="bday"'), {
      required: true,
      hint: t.birthDateHint,
    }),
  ]}</fieldset>
<fieldset><legend>${t.secContact}</legend><p class="h">${t.contactHint}</p>${[
    f('phone', t.phone, textInput(v.phone, 'type="tel" maxlength="40" autocomplete="tel"'), {
      hint: t.phoneHint,
    }),
    f('email', t.email, textInput(v.email, 'type="email" maxlength="254" autocomplete="email"')),
  ]}</fieldset>
<fieldset><legend>${t.secResidence}</legend>${[
    f('country', t.country, countrySelect(lang, v.country), { required: true }),
    f('city', t.city, textInput(v.city, 'maxlength="100" autocomplete="address-level2"'), { required: true }),
    f('address', t.address, textArea(v.address)),
  ]}</fieldset>
<fieldset><legend>${t.secMore}</legend>${[
    f('statusAbroad', t.statusAbroad, select(v.statusAbroad, statuses, t.choose), { required: true }),
    f('employer', t.employer, textInput(v.employer, 'maxlength="200" autocomplete="organization"')),
    f(
      'passport',
      t.passport,
      textInput(v.passport, 'maxlength="40" autocomplete="off" autocapitalize="characters"'),
    ),
  ]}
<fieldset><legend>${t.languages}</legend>${LANGUAGE_CHOICES.map((l) =>
    checkbox('languages', l, v.languages.includes(l), languageName(lang, l)),
  )}${err('languages')}</fieldset>
</fieldset>
<fieldset><legend>${t.secEmergency}</legend>${[
    f('emergencyContact.name', t.ecName, textInput(ec.name, 'maxlength="200"')),
    f('emergencyContact.relationship', t.ecRelationship, textInput(ec.relationship, 'maxlength="60"')),
    f('emergencyContact.phone', t.ecPhone, textInput(ec.phone, 'type="tel" maxlength="40"')),
  ]}</fieldset>
<fieldset><legend>${t.secHousehold}</legend><p class="h">${fmt(t.memberHint, { n: MAX_MEMBERS })}</p>${v.members.map(
    (m, i) => memberRow(t, errors, m, i),
  )}${
    v.members.length < MAX_MEMBERS
      ? markup`
<button type="submit" name="action" value="add" class="q" formnovalidate>${t.addMember}</button>`
      : ''
  }</fieldset>
<fieldset><legend>${t.secConsent}</legend>${checkbox(
    'consentRegistry',
    'on',
    v.consentRegistry,
    t.consentRegistry,
    errors.consentRegistry
      ? 'required aria-invalid="true" aria-describedby="f-consentRegistry-e"'
      : 'required',
  )}${err('consentRegistry')}${checkbox('consentAlerts', 'on', v.consentAlerts, t.consentAlerts)}</fieldset>
<button type="submit" name="action" value="send">${t.submit}</button>
</form>`;
  return layout(lang, t.formTitle, body, fresh ? formHref(lang === 'id' ? 'en' : 'id') : null);
}
