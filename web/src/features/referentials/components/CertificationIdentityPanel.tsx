import { BLOCS_AWARD_RULE, blocsAwardStatus, identityFacts } from '../certificationIdentity';
import type { CertificationIdentity } from '../referentialTypes';

/**
 * « Identité de la certification »: the CQPM number, the RNCP fiche (number, level,
 * registration dates) and whether the CQPM is registered at the RNCP, as the
 * referential version shown records them (« non renseigné » for what it does not),
 * with the rule it sets for juries: blocs of competencies only while registered.
 */
export function CertificationIdentityPanel({
  identity,
  version,
}: {
  identity: CertificationIdentity | null | undefined;
  /** The referential version shown, for the sentence on blocs. */
  version?: number | null;
}) {
  const facts = identityFacts(identity);
  const byKey = Object.fromEntries(facts.map((f) => [f.key, f]));
  const status = blocsAwardStatus(identity);
  const value = (key: string) => {
    const fact = byKey[key]!;
    return (
      <span className={fact.missing ? 'muted' : undefined} data-testid={`identity-${key}`} data-missing={fact.missing}>
        {fact.value}
      </span>
    );
  };
  return (
    <section
      className="panel identity-panel"
      aria-labelledby="identity-title"
      data-testid="certification-identity"
      data-awardable={status.awardable}
    >
      <h2 id="identity-title">Identité de la certification</h2>
      <dl className="facts">
        <div>
          <dt>N° de CQPM</dt>
          <dd>{value('cqpm_number')}</dd>
        </div>
        <div>
          <dt>Fiche RNCP</dt>
          <dd>
            {value('rncp_number')}
            <br />
            <span className="muted">Niveau : </span>
            {value('level')}
            <br />
            {byKey.registration!.missing ? (
              <>
                <span className="muted">Enregistrement : </span>
                {value('registration')}
              </>
            ) : (
              value('registration')
            )}
          </dd>
        </div>
        <div>
          <dt>Inscrit au RNCP</dt>
          <dd>{value('registered')}</dd>
        </div>
      </dl>
      <p className="field__note" data-testid="identity-blocs-status">
        {version ? `Version ${version} du référentiel. ` : ''}
        {status.text}
      </p>
      <p className="muted field__note">{BLOCS_AWARD_RULE}</p>
    </section>
  );
}
