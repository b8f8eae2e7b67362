import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';

/** The submit row of the editor's forms: "Add …" when adding, "Save" and "Cancel" when editing. */
export function EditorFormActions({ editing, loading, addLabel, onCancel }: { editing: boolean; loading: boolean; addLabel: string; onCancel?(): void }) {
  const { t } = useTranslation('courses');
  return (
    <p className="actions">
      <Button type="submit" disabled={loading}>
        {loading ? t(editing ? 'editor.saving' : 'editor.adding') : editing ? t('editor.save') : addLabel}
      </Button>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {t(editing ? 'editor.cancel' : 'editor.close')}
        </Button>
      )}
    </p>
  );
}
