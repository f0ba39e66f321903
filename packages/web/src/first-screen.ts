import type { QueryClient } from '@tanstack/react-query';
import { rollupQuery, rootUnitsQuery, targetsQuery } from './api/queries';
import { sessionQuery } from './auth/session';
import { yearEndDate, yearOf } from './scope';

/**
 * On a cold load, the session is asked for before React first renders, and on the dashboard
 * its code and first figures too, instead of one after another: that waterfall was most of
 * the time to the first figures.
 */
export function startFirstScreen(client: QueryClient, location: Pick<Location, 'pathname' | 'search'>): void {
  void client.prefetchQuery(sessionQuery());
  if (location.pathname !== '/') return;
  void import('./pages/dashboard/DashboardPage');
  const year = yearOf(new URLSearchParams(location.search));
  void client.prefetchQuery(targetsQuery(year));
  const roots = rootUnitsQuery(yearEndDate(year));
  void client.prefetchQuery(roots).then(() => {
    const province = client.getQueryData(roots.queryKey)?.units[0];
    // Only without a chosen area: with ?dv= the page decides which unit it shows.
    if (province && !new URLSearchParams(location.search).has('dv')) {
      void client.prefetchQuery(rollupQuery(province.id, year));
    }
  });
}
