// The management page behind a private link: the household's records, and forms to change the
// contact, move, or report the return home. Each form posts back to the same link.
import type { FieldErrors } from './form';
import { markup } from './html';
import { countryName, dict, fmt, longDate, type Lang } from './i18n';
import type { HouseholdView } from './manage.service';
import { countrySelect, field, layout, textArea, textInput } from './views';

export type Saved = 'contact' | 'location' | 'returned';

export interface ManageState {
  saved?: Saved | null;
  errors?: FieldErrors;
  /** Values typed into a form that came back with errors. */
  contact?: { phone: string; email: string };
  location?: { country: string; city: string; address: string };
}

export function managePage(lang: Lang, token: string, h: HouseholdView, s: ManageState = {}): string {
  const t = dict(lang);
  const errors = s.errors ?? {};
  const action = `/lapor/m/${token}`;
  const form = (act: string) => markup`<form method="post" action="${action}">
<input type="hidden" name="lang" value="${lang}"><input type="hidden" name="action" value="${act}">`;
  const current = (kind: 'phone' | 'email') => h.contacts.find((c) => c.kind === kind)?.value ?? '';
  const contact = s.contact ?? { phone: current('phone'), email: current('email') };
  const loc = s.location ?? {
    country: h.location?.country ?? '',
    city: h.location?.city ?? '',
    address: h.location?.addressText ?? '',
  };
  const saved = s.saved ? (s.saved === 'returned' ? t.savedReturned : t.saved) : null;
  const people = h.people.map((p) => {
    const rel = t.rel[p.relationship as keyof typeof t.rel] ?? p.relationship;
    return markup`<li><b>${p.fullName}</b> · ${rel}${p.birthDate ? ` · ${p.birthDate}` : ''}</li>`;
  });
  const place = h.location
    ? [h.location.addressText, h.location.city, countryName(lang, h.location.country)]
        .filter(Boolean)
        .join(', ')
    : '—';
  const contacts = h.contacts.map((c) => markup`<li>${c.value}${c.verified ? ` (${t.verified})` : ''}</li>`);
  const body = markup`<h1>${t.manageTitle}</h1>${
    saved ? markup`<p class="box ok" role="status">${saved}</p>` : ''
  }${h.returnedAt ? markup`<p class="box">${fmt(t.returnedNote, { date: longDate(lang, h.returnedAt) })}</p>` : ''}
<h2>${t.household}</h2><ul data-testid="household">${people}</ul>
<h2>${t.residence}</h2><p data-testid="residence">${place}</p>
<p class="h">${h.mission ? fmt(t.mission, { name: h.mission.name }) : t.noMission}</p>
<h2>${t.contacts}</h2><ul>${contacts}</ul>
${form('contact')}<fieldset><legend>${t.updateContact}</legend>${[
    field(
      t,
      errors,
      'phone',
      t.phone,
      textInput(contact.phone, 'type="tel" maxlength="40" autocomplete="tel"'),
      {
        hint: t.phoneHint,
      },
    ),
    field(
      t,
      errors,
      'email',
      t.email,
      textInput(contact.email, 'type="email" maxlength="254" autocomplete="email"'),
    ),
  ]}
<button type="submit">${t.saveContact}</button></fieldset></form>
${form('location')}<fieldset><legend>${t.updateLocation}</legend><p class="h">${t.moveNote}</p>${[
    field(t, errors, 'country', t.country, countrySelect(lang, loc.country), { required: true }),
    field(t, errors, 'city', t.city, textInput(loc.city, 'maxlength="100"'), { required: true }),
    field(t, errors, 'address', t.address, textArea(loc.address)),
  ]}
<button type="submit">${t.saveLocation}</button></fieldset></form>
${
  h.returnedAt
    ? ''
    : markup`${form('returned')}<fieldset><legend>${t.returnedTitle}</legend><p>${t.returnedText}</p>
<button type="submit" class="q">${t.returnedButton}</button></fieldset></form>`
}
<p class="h">${fmt(t.linkValidUntil, { date: longDate(lang, h.expiresAt) })}</p>`;
  return layout(lang, t.manageTitle, body, `${action}?lang=${lang === 'id' ? 'en' : 'id'}`);
}
