import { useQuery } from '@apollo/client/react';
import { MyEnrollmentsDocument } from '@kapwa/graphql';

/** The viewer's enrolments with where each continues; asked again each time a page shows them. */
export function useMyEnrollments() {
  return useQuery(MyEnrollmentsDocument, { fetchPolicy: 'cache-and-network' });
}
