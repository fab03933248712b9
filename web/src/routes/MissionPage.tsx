// One mission: its details, and an edit form for those allowed to change it.
import { MissionCode, MissionUpdate } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Layout } from '../components/Layout';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { useErrorText } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { useSubmit } from '../components/useSubmit';
import { useMe } from '../features/auth/AuthContext';
import { MissionForm } from '../features/missions/MissionForm';
import { draftOf, emptyDraft, formatJurisdictions, updateBody } from '../features/missions/mission-form';
import { missionsApi } from '../features/missions/missions.api';
import { Link } from '../router';

export function MissionPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { validate } = useErrorText();
  const { errors, setErrors, error: saveError, setError: setSaveError, busy, submit } = useSubmit();
  const {
    data: mission,
    error,
    reload,
    setData,
  } = useLoad(
    () =>
      MissionCode.safeParse(code).success
        ? missionsApi.get(code)
        : Promise.reject(new ApiError(404, 'mission.not_found', '')),
    [code],
  );
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(emptyDraft);
  const [saved, setSaved] = useState(false);

  const isAdmin = me.role === 'hq_admin';
  const canEdit = isAdmin || me.missionCodes.includes(code);
  const contactOnly = !isAdmin;

  const startEdit = () => {
    if (!mission) return;
    setDraft(draftOf(mission));
    setErrors({});
    setSaveError(null);
    setSaved(false);
    setEditing(true);
  };

  const reloadAfterConflict = async () => {
    const fresh = await missionsApi.get(code);
    setData(fresh);
    setDraft(draftOf(fresh));
    setSaveError(null);
  };

  const save = (event: FormEvent) => {
    if (!mission) return event.preventDefault();
    const checked = validate(MissionUpdate, updateBody(draft, mission.version, contactOnly));
    return submit(event, checked, async (valid) => {
      setData(await missionsApi.update(code, valid));
      setEditing(false);
      setSaved(true);
    });
  };

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/missions">← {t('missions.title')}</Link>
      </p>
      <ErrorNotice error={error} onReload={reload} />
      {!mission && !error && <Loading />}
      {mission && (
        <>
          <div className="page-head">
            <h1>
              {mission.name} <span className="tag">{mission.code}</span>
            </h1>
            {canEdit && !editing && (
              <button type="button" className="button button--primary" onClick={startEdit}>
                {t('common.edit')}
              </button>
            )}
          </div>
          {saved && <Notice kind="success">{t('common.saved')}</Notice>}
          {editing ? (
            <section className="panel">
              {contactOnly && <p className="muted">{t('mission.contactOnly')}</p>}
              <ErrorNotice error={saveError} onReload={() => void reloadAfterConflict()} />
              <MissionForm
                draft={draft}
                onChange={setDraft}
                errors={errors}
                mode="edit"
                contactOnly={contactOnly}
                busy={busy}
                onSubmit={save}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : (
            <dl className="details">
              <dt>{t('mission.kind')}</dt>
              <dd>{t(`missionKinds.${mission.kind}`)}</dd>
              <dt>{t('mission.city')}</dt>
              <dd>{mission.city}</dd>
              <dt>{t('mission.countries')}</dt>
              <dd>{mission.countries.join(', ')}</dd>
              <dt>{t('mission.jurisdictions')}</dt>
              <dd className="pre">
                {formatJurisdictions(mission.jurisdictions) || t('mission.wholeCountries')}
              </dd>
              <dt>{t('mission.hotline')}</dt>
              <dd dir="ltr">{mission.hotline}</dd>
              <dt>{t('mission.email')}</dt>
              <dd>{mission.email ?? '—'}</dd>
              <dt>{t('mission.address')}</dt>
              <dd className="pre">{mission.address}</dd>
            </dl>
          )}
        </>
      )}
    </Layout>
  );
}
