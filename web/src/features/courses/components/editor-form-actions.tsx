import { useTranslation } from 'react-i18next';

/** The submit row of the editor's forms: "Add …" when adding, "Save" and "Cancel" when editing. */
export function EditorFormActions({ editing, loading, addLabel, onCancel }: { editing: boolean; loading: boolean; addLabel: string; onCancel?(): void }) {
  const { t } = useTranslation('courses');
  if (!editing) {
    return (
      <button type="submit" disabled={loading}>
        {loading ? t('editor.adding') : addLabel}
      </button>
    );
  }
  return (
    <p className="actions">
      <button type="submit" disabled={loading}>
        {loading ? t('editor.saving') : t('editor.save')}
      </button>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {t('editor.cancel')}
      </button>
    </p>
  );
}
