// Identity documents (sensitive): kind, number, issuing country and expiry. A number another
// person already holds links to that person when the server named them.
import { DOCUMENT_KINDS } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/Field';
import { ListEditor } from '../../../components/ListEditor';
import { useChoices } from '../../../components/options';
import { Link } from '../../../router';
import { emptyDocument } from './draft';
import { Section, SensitiveOnly, fieldSetter, type SectionProps } from './parts';

interface DocumentsSectionProps extends SectionProps {
  sensitive: boolean;
  /** Paths of document numbers another person holds → that person's id. */
  duplicates: Record<string, string>;
}

export function DocumentsSection(props: DocumentsSectionProps) {
  const { draft, errors, sensitive, duplicates } = props;
  const { t } = useTranslation();
  const choices = useChoices();
  return (
    <Section title={t('person.sections.documents')} id="documents" hint={t('person.documentsHint')}>
      <SensitiveOnly sensitive={sensitive}>
        <ListEditor
          name="documents"
          rows={draft.documents}
          onChange={fieldSetter(props)('documents')}
          empty={emptyDocument}
          error={errors.documents}
          addLabel={t('person.addDocument')}
          removeLabel={t('person.removeDocument')}
        >
          {(doc, { path, set }) => (
            <>
              <SelectField
                label={t('person.documentKind')}
                name={path('kind')}
                value={doc.kind}
                onChange={(v) => set({ kind: v })}
                options={choices('documentKinds', DOCUMENT_KINDS)}
                error={errors[path('kind')]}
              />
              <div>
                <TextField
                  label={t('person.documentNumber')}
                  name={path('number')}
                  value={doc.number}
                  autoComplete="off"
                  onChange={(v) => set({ number: v })}
                  error={errors[path('number')]}
                />
                {duplicates[path('number')] && (
                  <Link to={`/people/${duplicates[path('number')]}`} className="field__link">
                    {t('person.openHolder')}
                  </Link>
                )}
              </div>
              <TextField
                label={t('person.issuingCountry')}
                name={path('issuingCountry')}
                placeholder="ID"
                maxLength={2}
                value={doc.issuingCountry}
                onChange={(v) => set({ issuingCountry: v.toUpperCase() })}
                error={errors[path('issuingCountry')]}
              />
              <TextField
                label={t('person.expiresOn')}
                name={path('expiresOn')}
                type="date"
                value={doc.expiresOn}
                onChange={(v) => set({ expiresOn: v })}
                error={errors[path('expiresOn')]}
              />
            </>
          )}
        </ListEditor>
      </SensitiveOnly>
    </Section>
  );
}
