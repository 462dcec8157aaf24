import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { formatCalendarDate } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { StatisticsCharts } from '../components/StatisticsCharts';
import { StatisticsFilters } from '../components/StatisticsFilters';
import { statisticsApi } from '../statisticsApi';
import type { Statistics, StatisticsFilter } from '../statistics';

const FIELD_MESSAGES = {
  from: 'La date de début n’est pas valide, ou la période dépasse dix ans ou finit avant de commencer.',
  to: 'La date de fin n’est pas valide.',
  centre: 'Ce centre n’existe pas, ou vous ne pouvez pas consulter ses statistiques.',
};

/**
 * « Statistiques »: the figures of the files, for a coordinator their centre's,
 * for the administrator and GTP auditors every centre's or one; the period and
 * the centre are kept in the address, so that a view can be shared.
 */
export function StatisticsPage() {
  usePageTitle('Statistiques');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filter: StatisticsFilter = { from: params.get('from') ?? '', to: params.get('to') ?? '', centre: params.get('centre') ?? '' };
  const { data, error } = useApiResource<Statistics>((signal) => statisticsApi.get(filter, signal), [filter.from, filter.to, filter.centre], {
    context: { fields: FIELD_MESSAGES },
    clearOnChange: false,
  });

  function apply(next: StatisticsFilter) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) query.set(name, value);
    setParams(query);
  }

  const centreName = data?.centre ? data.centres.find((c) => c.id === data.centre)?.name : null;
  const subtitle = data
    ? `Du ${formatCalendarDate(data.period.from)} au ${formatCalendarDate(data.period.to)} · ${centreName ?? 'tous les centres'}`
    : 'Chargement…';
  return (
    <>
      <PageTitle title="Statistiques" subtitle={subtitle} />
      <StatisticsFilters
        filter={{ ...filter, from: filter.from || data?.period.from || '', to: filter.to || data?.period.to || '' }}
        centres={user?.role === 'centre_coordinator' || !data ? null : data.centres.map((c) => ({ value: c.id, label: c.name }))}
        onApply={apply}
      />
      <ErrorAlert error={error} testId="statistics-error" />
      {data && <StatisticsCharts statistics={data} filter={filter} />}
    </>
  );
}
