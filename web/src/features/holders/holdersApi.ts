// The holders to declare to the Caisse des Dépôts: the report of a period (its downloads are plain links, holders.ts).

import { request } from '../../shared/api/client';
import { periodQuery, type HolderReport, type Period } from './holderReport';

export const holdersApi = {
  report(period: Period, signal?: AbortSignal): Promise<HolderReport> {
    return request('GET', `/holders/accrochage${periodQuery(period)}`, { signal });
  },
};
