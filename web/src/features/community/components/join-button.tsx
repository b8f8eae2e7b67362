import { useMutation } from '@apollo/client/react';
import { JoinCommunitySpaceDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';

/** "Join" for a space one reads but has not joined (course spaces need no joining); "Member" once in. */
export function JoinButton({ space }: { space: { id: string; title: string; kind: string; isMember: boolean } }) {
  const { t } = useTranslation('community');
  const [join, { loading }] = useMutation(JoinCommunitySpaceDocument);
  if (space.isMember) return <Badge tone="success">{t('space.member')}</Badge>;
  if (space.kind === 'COURSE') return null;
  return (
    <Button size="small" disabled={loading} aria-label={t('space.joinNamed', { title: space.title })} onClick={() => void join({ variables: { spaceId: space.id } }).catch(() => undefined)}>
      {t('space.join')}
    </Button>
  );
}
