// The fields of a person, for registering and for changing one. Inputs are named after the paths
// the API reports ("documents.0.number"), and each shows its own message next to it. Each section
// of the form is its own component under person-form/.
import type { Mission } from '@siaga/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton';
import { ConsentsSection } from './person-form/ConsentsSection';
import { ContactsSection } from './person-form/ContactsSection';
import { DocumentsSection } from './person-form/DocumentsSection';
import { EmergencySection } from './person-form/EmergencySection';
import { HouseholdSection } from './person-form/HouseholdSection';
import { IdentitySection } from './person-form/IdentitySection';
import { LocationSection } from './person-form/LocationSection';
import { StaySection } from './person-form/StaySection';
import { VulnerabilitiesSection } from './person-form/VulnerabilitiesSection';
import type { PersonDraft } from './person-form/draft';
import type { usePersonSubmit } from './usePersonSubmit';

interface PersonFormProps {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  /**
   * The state of sending it: messages by input path, the busy flag, and the paths of document
   * numbers another person holds → that person's id, when the caller may see them.
   */
  submission: Pick<ReturnType<typeof usePersonSubmit>, 'errors' | 'duplicates' | 'busy'>;
  missions: Mission[];
  mode: 'create' | 'edit';
  /** Whether documents and vulnerabilities can be edited (always when registering; after a reveal when editing). */
  sensitive: boolean;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}

export function PersonForm({
  draft,
  onChange,
  submission: { errors, duplicates, busy },
  missions,
  mode,
  sensitive,
  onSubmit,
  onCancel,
}: PersonFormProps) {
  const { t } = useTranslation();
  const section = { draft, onChange, errors };

  return (
    <form className="person-form" onSubmit={onSubmit} noValidate>
      <IdentitySection {...section} />
      <StaySection {...section} missions={missions} />
      <DocumentsSection {...section} sensitive={sensitive} duplicates={duplicates} />
      <ContactsSection {...section} />
      <LocationSection {...section} />
      <EmergencySection {...section} />
      <VulnerabilitiesSection {...section} sensitive={sensitive} />
      <ConsentsSection {...section} />
      <HouseholdSection {...section} mode={mode} />

      <div className="form-actions">
        <SubmitButton label={mode === 'create' ? t('person.register') : t('common.save')} busy={busy} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
