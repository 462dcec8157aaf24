// The statistics call: every series for one period and centre.

import { request } from '../../shared/api/client';
import { filterQuery, type Statistics, type StatisticsFilter } from './statistics';

export const statisticsApi = {
  get(filter: StatisticsFilter, signal?: AbortSignal): Promise<Statistics> {
    return request('GET', `/statistics${filterQuery(filter)}`, { signal });
  },
};
