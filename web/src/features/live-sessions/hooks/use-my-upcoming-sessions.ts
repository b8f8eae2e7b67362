import { useQuery } from '@apollo/client/react';
import { MyUpcomingSessionsDocument } from '@kapwa/graphql';

/** Sessions of the viewer's courses that have not ended, soonest first; asked again each time a page shows them. */
export function useMyUpcomingSessions() {
  return useQuery(MyUpcomingSessionsDocument, { fetchPolicy: 'cache-and-network' });
}
