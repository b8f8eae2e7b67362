import { useMutation, useQuery } from '@apollo/client/react';
import { EditableAssignmentsDocument, DeleteAssignmentDocument, type AssignmentEditorFieldsFragment } from '@kapwa/graphql';
import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ConfirmAction } from '../../../ui/confirm-action';
import { FormAlert } from '../../../ui/field';
import { EmptyState } from '../../../ui/empty-state';
import { Skeleton } from '../../../ui/skeleton';
import { QueryError } from '../../../ui/query-error';
import { FadingStatus } from '../../../ui/status';
import { formatPoints } from '../grading-rules';
import { AssignmentForm } from './assignment-form';
import '../grading.css';

interface Props {
  slug: string;
  /** The trainer's zone and language. */
  timeZone: string;
  language: string;
}

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

/**
 * The course editor's assignments: each with its week, due time, points and switches, to edit or delete,
 * and the form to set a new one. Fetched when the tab is first opened.
 */
export function AssignmentManager({ slug, timeZone, language }: Props) {
  const { t } = useTranslation('grading');
  const { data, loading, error, refetch } = useQuery(EditableAssignmentsDocument, { variables: { slug } });
  const [remove, { loading: removing }] = useMutation(DeleteAssignmentDocument);
  const [editing, setEditing] = useState<Editing>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const course = data?.course;
  if (loading && !course) return <Skeleton label={t('app:loading')} />;
  if (error) return <QueryError error={error} />;
  if (!course) return null;

  const weeks = [...course.modules].sort((a, b) => a.position - b.position);
  const forms = {
    courseId: course.id,
    courseTimeZone: course.timeZone,
    courseLanguage: course.language,
    timeZone,
    language,
    weeks,
  };
  const close = (focusId: string) => {
    setEditing(null);
    queueMicrotask(() => document.getElementById(focusId)?.focus());
  };
  const open = (next: Editing) => {
    setEditing(next);
    const heading = next?.kind === 'edit' ? `assignment-${next.id}-heading` : 'assignment-new-heading';
    queueMicrotask(() => document.getElementById(heading)?.focus());
  };

  async function deleteAssignment(assignment: AssignmentEditorFieldsFragment) {
    setRefused(null);
    try {
      await remove({ variables: { id: assignment.id } });
    } catch (e) {
      // Submitted work keeps its assignment: say so beside it rather than with the generic conflict message.
      if (!apiErrorsOf(e).some((x) => x.code === 'CONFLICT')) throw e;
      setRefused(assignment.id);
      return;
    }
    setStatus({ message: t('list.deleted', { title: assignment.title }), stamp: Date.now() });
    await refetch();
    queueMicrotask(() => document.getElementById('assignment-add')?.focus());
  }

  return (
    <div className="assignment-manager">
      <p className="small">{t('list.intro', { zone: zoneLabel(course.timeZone, language) })}</p>
      {course.assignments.length === 0 ? (
        <EmptyState headingLevel={3} title={t('list.emptyTitle')}>
          <p>{t('list.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul className="assignment-list">
          {course.assignments.map((assignment) => (
            <li key={assignment.id} className="assignment-item">
              {editing?.kind === 'edit' && editing.id === assignment.id ? (
                <AssignmentForm {...forms} assignment={assignment} onSaved={() => void refetch()} onCancel={() => close(`assignment-edit-${assignment.id}`)} />
              ) : (
                <>
                  <h3 lang={course.language}>{assignment.title}</h3>
                  <p className="small">
                    {assignment.module ? <span lang={course.language}>{assignment.module.title}</span> : t('list.noWeek')}
                    {' · '}
                    {assignment.dueAt
                      ? t('list.due', {
                          when: formatInstantWithZones(new Date(assignment.dueAt), timeZone, course.timeZone, language, (zone) => zoneLabel(zone, language)),
                        })
                      : t('list.noDue')}
                    {' · '}
                    {t('rubric.pointsOf', { count: assignment.maxPoints, points: formatPoints(assignment.maxPoints, language) })}
                  </p>
                  <p className="badges">
                    {assignment.groupWork && <Badge tone="accent">{t('list.groupWork')}</Badge>}
                    {assignment.shareWithCohort && <Badge tone="highlight">{t('list.shared')}</Badge>}
                    {assignment.required && <Badge tone="success">{t('list.required')}</Badge>}
                    {assignment.locked && <Badge>{t('list.locked')}</Badge>}
                  </p>
                  <div className="actions">
                    <Button id={`assignment-edit-${assignment.id}`} variant="secondary" size="small" onClick={() => open({ kind: 'edit', id: assignment.id })}>
                      {t('list.edit')}
                      <HiddenItemName name={assignment.title} lang={course.language} />
                    </Button>
                    <ConfirmAction id={`assignment-delete-${assignment.id}`} ask={t('list.delete')} askFor={assignment.title} askForLang={course.language}
                      askClassName="btn btn-quiet btn-small"
                      question={t('list.deleteQuestion', { title: assignment.title })} confirm={t('list.deleteConfirm')} confirming={t('list.deleting')}
                      keep={t('list.keep')} busy={removing} onConfirm={() => deleteAssignment(assignment)} />
                  </div>
                  {refused === assignment.id && <FormAlert message={t('list.deleteRefused')} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing?.kind === 'new' ? (
        <AssignmentForm {...forms} onSaved={() => void refetch()} onCancel={() => close('assignment-add')} />
      ) : (
        <p>
          <Button id="assignment-add" onClick={() => open({ kind: 'new' })}>
            {t('list.add')}
          </Button>
        </p>
      )}
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} />
    </div>
  );
}
