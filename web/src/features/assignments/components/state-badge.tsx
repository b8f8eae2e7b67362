import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge';
import { STATE_TONE, type AssignmentState } from '../assignment-status';

/** "To do", "Draft", "Submitted", "Graded", "Late"…: the words carry the state, the tone repeats it. */
export function StateBadge({ state }: { state: AssignmentState }) {
  const { t } = useTranslation('assignments');
  return (
    <Badge tone={STATE_TONE[state]} className="assignment-state">
      {t(`state.${state}`)}
    </Badge>
  );
}
