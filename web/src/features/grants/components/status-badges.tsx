import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../ui/badge';

const CALL_TONES: Record<string, BadgeTone> = { DRAFT: 'neutral', OPEN: 'success', CLOSED: 'highlight', DECIDED: 'accent' };
const APPLICATION_TONES: Record<string, BadgeTone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'accent',
  UNDER_REVIEW: 'highlight',
  AWARDED: 'success',
  DECLINED: 'danger',
};

export function CallStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('grants');
  return <Badge tone={CALL_TONES[status] ?? 'neutral'}>{t(`callStatus.${status}`)}</Badge>;
}

export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('grants');
  return <Badge tone={APPLICATION_TONES[status] ?? 'neutral'}>{t(`applicationStatus.${status}`)}</Badge>;
}
