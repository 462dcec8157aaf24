import { ChartCard } from './ChartCard';
import { CategoryBarChart } from './CategoryBarChart';
import { MonthlyStackChart } from './MonthlyStackChart';
import { csvUrl, filesCount, frenchNumber, frenchPercent, monthLabel, pivotByMonth, type Statistics, type StatisticsFilter } from '../statistics';

const count = (value: number) => frenchNumber(value, 0);

/** The six charts of the statistics page, each with its CSV and its data table. */
export function StatisticsCharts({ statistics: s, filter }: { statistics: Statistics; filter: StatisticsFilter }) {
  const byState = pivotByMonth(s.files_by_state, (r) => r.state, (r) => r.label, (r) => r.files);
  const byCqpm = pivotByMonth(s.files_by_cqpm, (r) => r.cqpm, (r) => r.title, (r) => r.files);
  const juries = {
    rows: s.juries.map((r) => ({ month: monthLabel(r.month), sessions: r.sessions, files_decided: r.files_decided })),
    keys: [
      { key: 'sessions', label: 'Sessions tenues' },
      { key: 'files_decided', label: 'Dossiers décidés' },
    ],
  };
  const rates = s.success_rates.map((r) => ({ ...r, category: `${r.title} — ${r.pathway_label}`, percent: r.success_rate * 100 }));
  const total = (rows: ReadonlyArray<{ files: number }>) => rows.reduce((sum, r) => sum + r.files, 0);
  return (
    <div className="statistics-grid">
      <ChartCard
        series="files_by_state"
        title="Dossiers ouverts par mois, selon leur état actuel"
        summary={`Histogramme empilé : ${filesCount(total(s.files_by_state))} ouverts sur la période, par mois et par état.`}
        csvHref={csvUrl('files_by_state', filter)}
        rows={s.files_by_state}
        columns={[
          { header: 'Mois', cell: (r) => monthLabel(r.month) },
          { header: 'État', cell: (r) => r.label },
          { header: 'Dossiers', cell: (r) => r.files },
        ]}
      >
        <MonthlyStackChart pivot={byState} yLabel="Dossiers" />
      </ChartCard>
      <ChartCard
        series="files_by_cqpm"
        title="Dossiers ouverts par mois et par CQPM"
        summary={`Histogramme empilé : ${filesCount(total(s.files_by_cqpm))} ouverts sur la période, par mois et par CQPM.`}
        csvHref={csvUrl('files_by_cqpm', filter)}
        rows={s.files_by_cqpm}
        columns={[
          { header: 'Mois', cell: (r) => monthLabel(r.month) },
          { header: 'CQPM', cell: (r) => r.title },
          { header: 'Dossiers', cell: (r) => r.files },
        ]}
      >
        <MonthlyStackChart pivot={byCqpm} yLabel="Dossiers" />
      </ChartCard>
      <ChartCard
        series="success_rates"
        title="Taux de réussite par CQPM et parcours"
        summary="Barres : part des dossiers certifiés parmi les décisions du jury de la période, par CQPM et parcours."
        csvHref={csvUrl('success_rates', filter)}
        rows={rates}
        columns={[
          { header: 'CQPM', cell: (r) => r.title },
          { header: 'Parcours', cell: (r) => r.pathway_label },
          { header: 'Décisions', cell: (r) => r.decided },
          { header: 'Certifiés', cell: (r) => r.certified },
          { header: 'Blocs validés', cell: (r) => r.blocs_awarded },
          { header: 'Non certifiés', cell: (r) => r.not_certified },
          { header: 'Taux de réussite', cell: (r) => frenchPercent(r.success_rate) },
        ]}
      >
        <CategoryBarChart rows={rates} categoryKey="category" dataKey="percent" name="Taux de réussite (%)" valueLabel="Taux de réussite (%)" format={(v) => `${frenchNumber(v, 1)} %`} />
      </ChartCard>
      <ChartCard
        series="stage_durations"
        title="Durée médiane par étape"
        summary="Barres : durée médiane, en jours, des passages dans chaque étape terminés sur la période."
        csvHref={csvUrl('stage_durations', filter)}
        rows={s.stage_durations}
        columns={[
          { header: 'Étape', cell: (r) => r.label },
          { header: 'Passages', cell: (r) => r.files },
          { header: 'Durée médiane (jours)', cell: (r) => frenchNumber(r.median_days, 1) },
        ]}
      >
        <CategoryBarChart rows={s.stage_durations} categoryKey="label" dataKey="median_days" name="Durée médiane (jours)" valueLabel="Jours" format={(v) => frenchNumber(v, 1)} colourIndex={1} />
      </ChartCard>
      <ChartCard
        series="overdue"
        title="Rapports en retard par CQPM"
        summary={`Barres : ${filesCount(total(s.overdue))} dont le rapport, dû sur la période, n’est pas déposé.`}
        csvHref={csvUrl('overdue', filter)}
        rows={s.overdue}
        columns={[
          { header: 'CQPM', cell: (r) => r.title },
          { header: 'Dossiers en retard', cell: (r) => r.files },
        ]}
      >
        <CategoryBarChart rows={s.overdue} categoryKey="title" dataKey="files" name="Dossiers en retard" valueLabel="Dossiers" format={count} integers colourIndex={4} />
      </ChartCard>
      <ChartCard
        series="juries"
        title="Jurys tenus par mois"
        summary="Histogramme : sessions de jury tenues et dossiers décidés, par mois de la période."
        csvHref={csvUrl('juries', filter)}
        rows={s.juries}
        columns={[
          { header: 'Mois', cell: (r) => monthLabel(r.month) },
          { header: 'Sessions tenues', cell: (r) => r.sessions },
          { header: 'Dossiers décidés', cell: (r) => r.files_decided },
        ]}
      >
        <MonthlyStackChart pivot={juries} yLabel="Nombre" stacked={false} />
      </ChartCard>
    </div>
  );
}
