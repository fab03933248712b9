// What makes the person vulnerable (sensitive): each kind ticked, with a note.
import { VULNERABILITIES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { CheckField, Field } from '../../../components/Field';
import { ListError } from '../../../components/ListEditor';
import { Section, SensitiveOnly, type SectionProps } from './parts';

export function VulnerabilitiesSection({
  draft,
  onChange,
  errors,
  sensitive,
}: SectionProps & { sensitive: boolean }) {
  const { t } = useTranslation();
  const setNote = (kind: (typeof VULNERABILITIES)[number], note: string | undefined) => {
    const next = { ...draft.vulnerabilities };
    if (note === undefined) delete next[kind];
    else next[kind] = note;
    onChange({ ...draft, vulnerabilities: next });
  };
  // The API reports notes by their place among the kinds ticked, in the order of VULNERABILITIES.
  const ticked = VULNERABILITIES.filter((k) => draft.vulnerabilities[k] !== undefined);
  return (
    <Section
      title={t('person.sections.vulnerabilities')}
      id="vulnerabilities"
      hint={t('person.vulnerabilitiesHint')}
    >
      <SensitiveOnly sensitive={sensitive}>
        <div className="form-grid__full vulnerability-list">
          <ListError message={errors.vulnerabilities} />
          {VULNERABILITIES.map((kind) => {
            const on = draft.vulnerabilities[kind] !== undefined;
            return (
              <div key={kind} className="vulnerability">
                <CheckField
                  label={t(`vulnerabilities.${kind}`)}
                  name={`vulnerability.${kind}`}
                  checked={on}
                  onChange={(checked) => setNote(kind, checked ? '' : undefined)}
                />
                {on && (
                  <Field
                    label={t('person.vulnerabilityNote')}
                    error={errors[`vulnerabilities.${ticked.indexOf(kind)}.note`]}
                  >
                    {(control) => (
                      <textarea
                        {...control}
                        name={`vulnerability.${kind}.note`}
                        rows={2}
                        value={draft.vulnerabilities[kind] ?? ''}
                        onChange={(e) => setNote(kind, e.target.value)}
                      />
                    )}
                  </Field>
                )}
              </div>
            );
          })}
        </div>
      </SensitiveOnly>
    </Section>
  );
}
