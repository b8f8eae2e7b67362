import { useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { ApplicationLink } from '../features/grants/components/application-link';

/** /grants/applications/:id, the link in grant notifications: on to where the reader works on it. */
export default function GrantApplicationLinkPage() {
  const { applicationId = '' } = useParams();
  const { me, isAdmin } = useViewer();
  return <ApplicationLink id={applicationId} viewer={{ organizationId: me?.organization?.id ?? null, isAdmin }} />;
}
