// What the sections of the person form share: the frame of a section, the props each receives,
// and a setter for the draft's fields.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../components/errors';
import type { PersonDraft } from './draft';

export interface SectionProps {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  /** Messages by the path of the input at fault ("documents.0.number"). */
  errors: FieldErrors;
}

/** Changes one field of the draft: `set('fullName')('Siti')`. */
export const fieldSetter =
  ({ draft, onChange }: SectionProps) =>
  <K extends keyof PersonDraft>(key: K) =>
  (value: PersonDraft[K]) =>
    onChange({ ...draft, [key]: value });

export function Section({
  title,
  id,
  children,
  hint,
}: {
  title: string;
  id: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <fieldset className="person-form__section" aria-labelledby={`${id}-title`}>
      <legend id={`${id}-title`}>{title}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

/** Sensitive fields can be edited only once their values have been revealed. */
export function SensitiveOnly({ sensitive, children }: { sensitive: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return sensitive ? children : <p className="muted form-grid__full">{t('person.sensitiveEditHint')}</p>;
}
