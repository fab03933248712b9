// Everything recorded about a person, grouped as an officer reads it in a crisis: who, where,
// how to reach them and their family, and what makes them vulnerable. Document numbers stay
// masked and vulnerabilities stay a count until revealed.
import type { Person, PersonSensitive } from '@siaga/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';
import { useFormat } from './format';

function Card({
  title,
  id,
  children,
  wide = false,
}: {
  title: string;
  id: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section
      className={wide ? 'person-card person-card--wide' : 'person-card'}
      aria-labelledby={id}
      data-section={id}
    >
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children === null || children === undefined || children === '' ? '—' : children}</dd>
    </>
  );
}

const Flag = ({ on, yes, no }: { on: boolean; yes: string; no: string }) => (
  <span className={on ? 'flag flag--on' : 'flag flag--off'}>{on ? `✓ ${yes}` : no}</span>
);

export function PersonDetails({
  person: p,
  sensitive,
}: {
  person: Person;
  sensitive: PersonSensitive | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const revealedDocs = sensitive?.documents;
  const loc = p.location;

  return (
    <div className="person-grid">
      <Card title={t('person.sections.identity')} id="identity">
        <dl className="kv-list">
          <Row label={t('person.fullName')}>{p.fullName}</Row>
          <Row label={t('person.givenName')}>{p.givenName}</Row>
          <Row label={t('person.familyName')}>{p.familyName}</Row>
          <Row label={t('person.nativeName')}>{p.nativeName && <span dir="auto">{p.nativeName}</span>}</Row>
          <Row label={t('person.aliases')}>{p.aliases.join(', ')}</Row>
          <Row label={t('person.sex')}>{t(`sexes.${p.sex}`)}</Row>
          <Row label={t('person.birthDate')}>{p.birthDate && f.date(p.birthDate)}</Row>
          <Row label={t('person.nationalities')}>{p.nationalities.map((c) => f.country(c)).join(', ')}</Row>
          <Row label={t('person.languages')}>{p.languages.map((l) => f.language(l)).join(', ')}</Row>
        </dl>
      </Card>

      <Card title={t('person.sections.stay')} id="stay">
        <dl className="kv-list">
          <Row label={t('person.statusAbroad')}>{t(`statusAbroad.${p.statusAbroad}`)}</Row>
          <Row label={t('person.employer')}>{p.employer}</Row>
          <Row label={t('person.stay')}>
            {p.stayFrom || p.stayUntil ? `${f.date(p.stayFrom)} – ${f.date(p.stayUntil)}` : null}
          </Row>
          <Row label={t('person.returnedAt')}>{p.returnedAt && f.dateTime(p.returnedAt)}</Row>
          <Row label={t('person.responsibleMission')}>
            {p.mission && (
              <Link to={`/missions/${encodeURIComponent(p.mission.code)}`} data-testid="person-mission">
                {p.mission.code}
              </Link>
            )}
            {p.mission && <span className="muted"> · {p.mission.name}</span>}
          </Row>
          <Row label={t('person.registeringMission')}>
            {p.registeredBy && (
              <Link to={`/missions/${encodeURIComponent(p.registeredBy.code)}`}>{p.registeredBy.code}</Link>
            )}
          </Row>
        </dl>
      </Card>

      <Card title={t('person.sections.location')} id="location">
        {loc ? (
          <dl className="kv-list">
            <Row label={t('person.country')}>{f.country(loc.country)}</Row>
            <Row label={t('person.adminArea')}>{loc.adminArea}</Row>
            <Row label={t('person.city')}>{loc.city}</Row>
            <Row label={t('person.address')}>
              {loc.addressText && <span className="pre">{loc.addressText}</span>}
            </Row>
            <Row label={t('person.coordinates')}>
              {loc.lat !== null && loc.lon !== null ? (
                <span dir="ltr">
                  {loc.lat}, {loc.lon}
                  {loc.accuracyM !== null && ` (± ${f.number(loc.accuracyM)} m)`}
                </span>
              ) : null}
            </Row>
            <Row label={t('person.locationSource')}>{t(`locationSources.${loc.source}`)}</Row>
            <Row label={t('person.locationSince')}>{f.dateTime(loc.validFrom)}</Row>
          </dl>
        ) : (
          <p className="muted">{t('person.noLocation')}</p>
        )}
      </Card>

      <Card title={t('person.sections.household')} id="household">
        {p.household ? (
          <>
            <dl className="kv-list">
              <Row label={t('person.relationship')}>{t(`relationships.${p.household.relationship}`)}</Row>
              <Row label={t('person.householdId')}>
                <code className="mono-small" data-testid="household-id">
                  {p.household.id}
                </code>
              </Row>
            </dl>
            <ul className="member-list" data-testid="household-members">
              {p.household.members.map((m) => (
                <li key={m.id}>
                  {m.id === p.id ? (
                    <strong>{m.fullName}</strong>
                  ) : (
                    <Link to={`/people/${m.id}`}>{m.fullName}</Link>
                  )}{' '}
                  <span className="muted">
                    · {t(`relationships.${m.relationship}`)}
                    {m.birthDate && ` · ${f.date(m.birthDate)}`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('person.noHousehold')}</p>
        )}
      </Card>

      <Card title={t('person.sections.documents')} id="documents" wide>
        {p.documents.length === 0 ? (
          <p className="muted">{t('person.noDocuments')}</p>
        ) : (
          <Table
            compact
            testId="person-documents"
            columns={[
              t('person.documentKind'),
              t('person.documentNumber'),
              t('person.issuingCountry'),
              t('person.expiresOn'),
            ]}
          >
            {p.documents.map((d) => {
              const full = revealedDocs?.find((x) => x.id === d.id)?.number;
              return (
                <tr key={d.id}>
                  <td>{t(`documentKinds.${d.kind}`)}</td>
                  <td>
                    <code
                      className={full ? 'doc-number doc-number--revealed' : 'doc-number'}
                      data-testid="document-number"
                    >
                      {full ?? d.number}
                    </code>
                  </td>
                  <td>{f.country(d.issuingCountry)}</td>
                  <td>{f.date(d.expiresOn)}</td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>

      <Card title={t('person.sections.contacts')} id="contacts" wide>
        {p.contacts.length === 0 ? (
          <p className="muted">{t('person.noContacts')}</p>
        ) : (
          <Table
            compact
            testId="person-contacts"
            columns={[
              t('person.contactKind'),
              t('person.contactValue'),
              t('person.contactConsentShort'),
              t('person.contactVerifiedShort'),
            ]}
          >
            {p.contacts.map((c) => (
              <tr key={c.id}>
                <td>
                  {t(`contactKinds.${c.kind}`)}
                  {c.service && <span className="muted"> · {t(`messagingServices.${c.service}`)}</span>}
                </td>
                <td dir="ltr" className="contact-value">
                  {c.kind === 'phone' && !c.value.includes('•') ? (
                    <a href={`tel:${c.value}`}>{c.value}</a>
                  ) : (
                    c.value
                  )}
                </td>
                <td>
                  <Flag on={c.consent} yes={t('common.yes')} no={t('common.no')} />
                </td>
                <td>
                  <Flag on={c.verified} yes={t('common.yes')} no={t('common.no')} />
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('person.sections.emergency')} id="emergency">
        {p.emergencyContacts.length === 0 ? (
          <p className="muted">{t('person.noEmergency')}</p>
        ) : (
          <ul className="member-list">
            {p.emergencyContacts.map((e, i) => (
              <li key={i}>
                <strong>{e.name}</strong>
                {e.relationship && <span className="muted"> · {e.relationship}</span>}
                {e.phone && (
                  <span dir="ltr" className="member-list__meta">
                    {e.phone}
                  </span>
                )}
                {e.email && <span className="member-list__meta">{e.email}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('person.sections.vulnerabilities')} id="vulnerabilities">
        {sensitive?.vulnerabilities ? (
          sensitive.vulnerabilities.length === 0 ? (
            <p className="muted">{t('person.noVulnerabilities')}</p>
          ) : (
            <ul className="member-list member-list--sensitive" data-testid="person-vulnerabilities">
              {sensitive.vulnerabilities.map((v) => (
                <li key={v.kind}>
                  <strong>{t(`vulnerabilities.${v.kind}`)}</strong>
                  {v.note && <span className="member-list__meta pre">{v.note}</span>}
                </li>
              ))}
            </ul>
          )
        ) : (
          <p data-testid="vulnerability-count">
            {p.vulnerabilityCount === 0
              ? t('person.noVulnerabilities')
              : t('person.vulnerabilityCount', { n: p.vulnerabilityCount })}
          </p>
        )}
      </Card>

      <Card title={t('person.sections.consents')} id="consents">
        {p.consents.length === 0 ? (
          <p className="muted">{t('person.noConsents')}</p>
        ) : (
          <ul className="member-list">
            {p.consents.map((c) => (
              <li key={c.purpose}>
                <strong>{t(`consentPurposes.${c.purpose}`)}</strong>
                <span className="member-list__meta muted">
                  {f.dateTime(c.givenAt)} · {t(`consentChannels.${c.channel}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('person.sections.record')} id="record">
        <dl className="kv-list">
          <Row label={t('person.source')}>{t(`personSources.${p.source}`)}</Row>
          <Row label={t('person.retainUntil')}>{p.retainUntil && f.date(p.retainUntil)}</Row>
          <Row label={t('person.createdAt')}>{f.dateTime(p.createdAt)}</Row>
          <Row label={t('person.updatedAt')}>{f.dateTime(p.updatedAt)}</Row>
          <Row label={t('person.version')}>{p.version}</Row>
          <Row label={t('person.id')}>
            <code className="mono-small">{p.id}</code>
          </Row>
        </dl>
      </Card>
    </div>
  );
}
