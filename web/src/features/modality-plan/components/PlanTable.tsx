import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../../shared/format/format';
import { describeDetail, planFieldsOf } from '../modalityPlan';
import { blocCodeLabel, competencyLink } from '../../referentials/referential';
import type { ModalityPlanView } from '../modalityPlanTypes';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** The read-only plan: one row per competency. */
export function PlanTable({ view, cqpm }: { view: ModalityPlanView; cqpm: string }) {
  const names = new Map(view.evaluators.map((e) => [e.id, e.display_name]));
  const modalities = new Map(view.modalities.map((m) => [m.id, m]));
  return (
    <ScrollBox>
      <table className="files-table plan-table" data-testid="plan-table">
        <caption className="visually-hidden">Plan d'évaluation, une ligne par compétence</caption>
        <thead>
          <tr>
            <th scope="col">Compétence</th>
            <th scope="col">Modalité</th>
            <th scope="col">Date prévue</th>
            <th scope="col">Lieu</th>
            <th scope="col">Évaluateurs</th>
            <th scope="col">Précisions</th>
          </tr>
        </thead>
        <tbody>
          {view.competencies.map((c) => {
            const entry = view.plan?.find((e) => e.competency === c.number);
            const modality = entry ? modalities.get(entry.modality) : undefined;
            const details = planFieldsOf(view, c.number)
              .map((field) => ({ field, text: describeDetail(field, entry?.details?.[field.id]) }))
              .filter((d) => d.text !== null);
            return (
              <tr key={c.number} data-testid="plan-row" data-competency={c.number}>
                <th scope="row" className="plan-table__competency">
                  <Link to={competencyLink(cqpm, c.number)}>
                    {c.number}. {c.title}
                  </Link>
                  <span className="muted plan-table__bloc">{blocCodeLabel(c.bloc_code)}</span>
                </th>
                {entry ? (
                  <>
                    <td data-testid="plan-modality">
                      {modality?.label ?? entry.modality}
                      {modality?.exceptional && <span className="tag">exceptionnelle</span>}
                    </td>
                    <td>{formatCalendarDate(entry.planned_date)}</td>
                    <td>{entry.place}</td>
                    <td>{entry.evaluators.map((id) => names.get(id) ?? id).join(', ')}</td>
                    <td>
                      {entry.justification && (
                        <p className="plan-table__detail">
                          <span className="muted">Justification : </span>
                          {entry.justification}
                        </p>
                      )}
                      {details.map(({ field, text }) => (
                        <p key={field.id} className="plan-table__detail">
                          <span className="muted">{field.label} : </span>
                          {text}
                        </p>
                      ))}
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="muted">
                    Non planifiée
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
