import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  MySubmissionDocument,
  SaveSubmissionDraftDocument,
  SubmitAssignmentDocument,
  type AssignmentQuery,
  type SubmissionFieldsFragment,
} from '@kapwa/graphql';
import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MediaAttachments } from '../../../app/media';
import { Badge } from '../../../ui/badge';
import { EmptyState } from '../../../ui/empty-state';
import { assignmentState, isHandedIn } from '../assignment-status';
import { AS_SERVER_HAS_THEM, afterSave, anyUnsettled, attach, type AttachmentChoice, type DraftFile, detach, idsToSend, shownFiles } from '../attachment-choice';
import type { ServerText } from '../draft-sync';
import { DueTime } from './due-time';
import { GradeSummary } from './grade-summary';
import { GroupPanel } from './group-panel';
import { Rubric } from './rubric';
import { StateBadge } from './state-badge';
import { SubmissionEditor } from './submission-editor';
import './assignments.css';

export type ViewedAssignment = NonNullable<AssignmentQuery['assignment']>;

interface Props {
  assignment: ViewedAssignment;
  course: { slug: string; language: string; timeZone: string; myEnrollment?: { role: string; group?: string | null } | null };
  viewer: { id: string; timeZone: string; language: string } | null;
  /** Reads the assignment again (after a submit, or the first save of a new submission). */
  refetch(): void;
}

export function toServerText(submission: SubmissionFieldsFragment): ServerText {
  return {
    body: submission.body,
    version: submission.version,
    status: submission.status,
    updatedAt: submission.updatedAt,
    editorName: submission.lastEditor?.displayName ?? null,
  };
}

/**
 * An assignment as a learner works on it: what to do and by when (in their zone, the course's beside),
 * how it is graded, their (group's) text with its autosave, and once handed in, the submitted text, a
 * trainer's return for revision, and the released grade.
 */
export function AssignmentView({ assignment, course, viewer, refetch }: Props) {
  const { t } = useTranslation('assignments');
  const heading = useRef<HTMLHeadingElement>(null);
  const lang = course.language;
  const timeZone = viewer?.timeZone ?? course.timeZone;
  const language = viewer?.language ?? 'en';
  const submission = assignment.mySubmission;
  const now = Date.now();
  const state = assignmentState(assignment.dueAt, submission, now);
  const pastDue = !!assignment.dueAt && Date.parse(assignment.dueAt) < now;
  const learner = course.myEnrollment?.role === 'LEARNER';
  const noGroup = assignment.groupWork && learner && !course.myEnrollment?.group;
  const handedIn = submission && submission.status !== 'DRAFT';
  const grade = submission?.grade;
  const when = (iso: string) => formatInstantWithZones(new Date(iso), timeZone, course.timeZone, language, (zone) => zoneLabel(zone, language));

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [assignment.id]);

  return (
    <article className="assignment" aria-labelledby="page-title">
      {assignment.module && (
        <p className="lesson-kicker" lang={lang}>
          {assignment.module.title}
        </p>
      )}
      <h1 id="page-title" ref={heading} tabIndex={-1} lang={lang}>
        {assignment.title}
      </h1>
      <p className="assignment-facts">
        {learner && <StateBadge state={state} />}
        {assignment.groupWork && <Badge tone="accent">{t('list.groupWork')}</Badge>}
        {assignment.dueAt ? (
          <DueTime dueAt={assignment.dueAt} timeZone={timeZone} courseTimeZone={course.timeZone} language={language} />
        ) : (
          <span>{t('due.none')}</span>
        )}
      </p>
      {learner && pastDue && !isHandedIn(state) && !assignment.locked && <p className="assignment-late">{t('due.passed')}</p>}

      {assignment.locked ? (
        <EmptyState title={t('locked.title')}>
          <p>{t('locked.body')}</p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="instructions-title">
            <h2 id="instructions-title">{t('instructions')}</h2>
            {/* instructionsHtml is sanitized by the API (the same renderer as lessons). */}
            <div className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: assignment.instructionsHtml }} />
          </section>

          {grade ? (
            <GradeSummary grade={grade} rubric={assignment.rubric} maxPoints={assignment.maxPoints} lang={lang} language={language} when={when} />
          ) : (
            <section aria-labelledby="rubric-title">
              <h2 id="rubric-title">{t('rubric.title')}</h2>
              <Rubric rubric={assignment.rubric} maxPoints={assignment.maxPoints} lang={lang} language={language} />
            </section>
          )}

          {learner && (
            <section aria-labelledby="work-title" className="assignment-work">
              <h2 id="work-title">{assignment.groupWork ? t('editor.groupSection') : t('editor.section')}</h2>
              {assignment.groupWork && !noGroup && <GroupPanel group={course.myEnrollment?.group ?? ''} submission={submission} when={when} />}
              {submission?.returnedAt && submission.status === 'DRAFT' && (
                <div className="assignment-returned">
                  <p>
                    <StateBadge state="returned" /> {t('returned.at', { time: when(submission.returnedAt) })}
                  </p>
                  {submission.returnComment && (
                    <blockquote aria-label={t('returned.comment')}>
                      <p lang={lang}>{submission.returnComment}</p>
                    </blockquote>
                  )}
                </div>
              )}
              {noGroup ? (
                <EmptyState title={t('group.noGroupTitle')} headingLevel={3}>
                  <p>{t('group.noGroup')}</p>
                </EmptyState>
              ) : handedIn ? (
                <SubmittedWork submission={submission} groupWork={assignment.groupWork} graded={!!grade} lang={lang} when={when} />
              ) : viewer ? (
                <LearnerEditor assignment={assignment} viewerId={viewer.id} lang={lang} pastDue={pastDue} timeZone={timeZone} language={language} refetch={refetch} />
              ) : null}
            </section>
          )}
          {!course.myEnrollment && !learner && <p>{t('notMember')}</p>}

          {assignment.shareWithCohort && (
            <p>
              <Link to={`/courses/${course.slug}/assignments/${assignment.id}/shared`}>{t('shared.link')}</Link>
            </p>
          )}
        </>
      )}
    </article>
  );
}

/** While a file of the draft is uploading or processing, the submission is read again this often. */
const FILES_POLL_MS = 3000;

function LearnerEditor({ assignment, viewerId, lang, pastDue, timeZone, language, refetch }: {
  assignment: ViewedAssignment; viewerId: string; lang: string; pastDue: boolean; timeZone: string; language: string; refetch(): void;
}) {
  const client = useApolloClient();
  const [saveDraft] = useMutation(SaveSubmissionDraftDocument);
  const [submitWork] = useMutation(SubmitAssignmentDocument);
  const submission = assignment.mySubmission;
  const started = useRef(!!submission);
  // The files as the server last gave them: the page's submission, or (before the page has read a new one) the last save's answer.
  const [saved, setSaved] = useState<DraftFile[]>([]);
  const serverFiles: DraftFile[] = submission?.attachments ?? saved;
  const [choice, setChoice] = useState<AttachmentChoice>(AS_SERVER_HAS_THEM);
  // The save reads the latest choice (it runs from a timer, after the render that changed it).
  const latest = useRef({ choice, serverFiles });
  latest.current = { choice, serverFiles };
  const files = shownFiles(choice, serverFiles);
  const choose = (next: AttachmentChoice) => {
    latest.current = { ...latest.current, choice: next };
    setChoice(next);
  };
  // Follow each file's processing until it can be played (or failed).
  useQuery(MySubmissionDocument, {
    variables: { id: assignment.id },
    skip: !submission || !anyUnsettled(files),
    pollInterval: FILES_POLL_MS,
    fetchPolicy: 'network-only',
  });

  function confirmed(result: SubmissionFieldsFragment, sent: string[] | null) {
    setSaved(result.attachments);
    const next = afterSave(latest.current.choice, result.attachments, sent);
    if (next !== latest.current.choice) choose(next);
  }

  return (
    <SubmissionEditor
      userId={viewerId}
      assignmentId={assignment.id}
      server={submission ? toServerText(submission) : null}
      lang={lang}
      pastDue={pastDue}
      groupWork={assignment.groupWork}
      timeZone={timeZone}
      language={language}
      files={files}
      onAttach={(file) => choose(attach(latest.current.choice, latest.current.serverFiles, file))}
      onRemove={(id) => choose(detach(latest.current.choice, latest.current.serverFiles, id))}
      save={async (body, expectedVersion) => {
        const attachmentIds = idsToSend(latest.current.choice, latest.current.serverFiles);
        const { data } = await saveDraft({ variables: { assignmentId: assignment.id, body, expectedVersion, attachmentIds } });
        confirmed(data!.saveSubmissionDraft, attachmentIds);
        // The first save starts the submission: read the assignment (and the outline's states) again so the page knows it.
        if (!started.current) {
          started.current = true;
          refetch();
          void client.refetchQueries({ include: ['CourseAssignments'] });
        }
        return toServerText(data!.saveSubmissionDraft);
      }}
      fetchCurrent={async () => {
        const { data } = await client.query({ query: MySubmissionDocument, variables: { id: assignment.id }, fetchPolicy: 'network-only' });
        const current = data?.assignment?.mySubmission;
        return current ? toServerText(current) : null;
      }}
      submit={async (body, expectedVersion) => {
        const attachmentIds = idsToSend(latest.current.choice, latest.current.serverFiles);
        const { data } = await submitWork({ variables: { assignmentId: assignment.id, body, expectedVersion, attachmentIds } });
        confirmed(data!.submitAssignment, attachmentIds);
        return toServerText(data!.submitAssignment);
      }}
      onSubmitted={refetch}
    />
  );
}

function SubmittedWork({ submission, groupWork, graded, lang, when }: {
  submission: SubmissionFieldsFragment; groupWork: boolean; graded: boolean; lang: string; when(iso: string): string;
}) {
  const { t } = useTranslation('assignments');
  return (
    <div className="assignment-submitted">
      {submission.submittedAt && (
        <p className="assignment-submitted-at" data-testid="submitted-at">
          {t(submission.late ? 'submitted.atLate' : 'submitted.at', { time: when(submission.submittedAt) })}
          {groupWork && <> · {t('submitted.by', { name: submission.learner.displayName })}</>}
        </p>
      )}
      {/* bodyHtml is sanitized by the API. */}
      <div className="prose assignment-submitted-body" lang={lang} dangerouslySetInnerHTML={{ __html: submission.bodyHtml }} />
      {submission.attachments.length > 0 && (
        <Suspense fallback={null}>
          <MediaAttachments files={submission.attachments} label={t('attachments.submittedLabel')} />
        </Suspense>
      )}
      {!graded && <p className="small">{t('submitted.waiting')}</p>}
    </div>
  );
}
