import { useQuery } from '@apollo/client/react';
import { CourseEditorDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SentenceWithTitle, sentenceText } from '../app/sentence-with-title';
import { ArchiveButton } from '../features/courses/components/archive-button';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { CourseFacts } from '../features/courses/components/course-badges';
import { groupByPart } from '../features/courses/components/course-outline';
import { LessonForm } from '../features/courses/components/lesson-form';
import { Invitations } from '../features/courses/components/invitation-list';
import { MemberList } from '../features/courses/components/member-list';
import { ModuleForm } from '../features/courses/components/module-form';
import { ModuleOpening } from '../features/courses/components/module-opening';
import { PublishButton } from '../features/courses/components/publish-button';
import { MoveLessonButtons, MoveModuleButtons } from '../features/courses/components/move-buttons';
import { RemoveLessonButton } from '../features/courses/components/remove-lesson-button';
import { RemoveModuleButton } from '../features/courses/components/remove-module-button';
import { QueryError } from '../ui/query-error';
import { StatusMessage } from '../ui/field';
import { useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function CourseEditorPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const { data, loading, error, refetch } = useQuery(CourseEditorDocument, { variables: { slug } });
  const course = data?.course;
  /** The one module or lesson whose form is open in the outline. */
  const [editing, setEditing] = useState<string | null>(null);
  /** What the last move in the outline did, read out to screen readers. */
  const [moved, setMoved] = useState<string | null>(null);
  usePageTitle(course ? sentenceText(t, 'editor.title', course.title) : t('editor.titlePlain'));

  if (loading && !course) return <p className="loading">{t('app:loading')}</p>;
  if (error) return <QueryError error={error} />;
  if (!course) return <h1>{t('course.notFound')}</h1>;

  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const reload = () => void refetch();
  const close = () => setEditing(null);
  // The course's words (its title, parts, weeks and lessons) in its language; the editor's own in the interface's.
  const lang = course.language;

  return (
    <article aria-labelledby="page-title" className="editor">
      <p className="breadcrumb">
        <BackToCourse course={course} />
      </p>
      <h1 id="page-title">
        <SentenceWithTitle t={t} i18nKey="editor.title" title={course.title} lang={lang} />
      </h1>
      <CourseFacts course={course} timeZone={timeZone} language={language} />
      {course.status === 'DRAFT' && (
        <>
          <p>{t('editor.draftHint')}</p>
          <PublishButton courseId={course.id} />
        </>
      )}
      {course.status === 'PUBLISHED' && (
        <>
          <p>{t('editor.publishedHint')}</p>
          <ArchiveButton courseId={course.id} />
        </>
      )}
      {course.status === 'ARCHIVED' && (
        <>
          <p>{t('editor.archivedHint')}</p>
          <PublishButton courseId={course.id} again />
        </>
      )}

      <section aria-labelledby="editor-outline">
        <h2 id="editor-outline">{t('outline.title')}</h2>
        {modules.length === 0 && <p>{t('editor.noModules')}</p>}
        <StatusMessage message={moved} />
        {groupByPart(modules).map((group, index) => (
          <div key={index}>
            {group.part && <h3 lang={lang}>{group.part}</h3>}
            <ol className="module-list">
              {group.modules.map((module) => (
                <li key={module.id} className="module">
                  <strong lang={lang}>{module.title}</strong>{' '}
                  <button type="button" className="link-button" aria-expanded={editing === `module:${module.id}`}
                    aria-label={t('editor.editModuleNamed', { title: module.title })} onClick={() => setEditing(`module:${module.id}`)}>
                    {t('editor.edit')}
                  </button>{' '}
                  <MoveModuleButtons modules={modules} module={module} onMoved={setMoved} />{' '}
                  <RemoveModuleButton module={module} />
                  {module.opensAt && (
                    <p className="module-meta">
                      <ModuleOpening opensAt={module.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
                    </p>
                  )}
                  {editing === `module:${module.id}` && (
                    <ModuleForm courseId={course.id} courseTimeZone={course.timeZone} courseLanguage={lang} timeZone={timeZone} language={language}
                      module={module} onSaved={close} onCancel={close} />
                  )}
                  <ol className="lesson-list">
                    {[...module.lessons]
                      .sort((a, b) => a.position - b.position)
                      .map((lesson) => (
                        <li key={lesson.id}>
                          <Link to={`/courses/${course.slug}/lessons/${lesson.id}`} lang={lang}>{lesson.title}</Link>
                          {lesson.estimatedMinutes != null && <span className="small"> · {t('lesson.minutes', { count: lesson.estimatedMinutes })}</span>}{' '}
                          <button type="button" className="link-button" aria-expanded={editing === `lesson:${lesson.id}`}
                            aria-label={t('editor.editLessonNamed', { title: lesson.title })} onClick={() => setEditing(`lesson:${lesson.id}`)}>
                            {t('editor.edit')}
                          </button>{' '}
                          <MoveLessonButtons modules={modules} lesson={lesson} onMoved={setMoved} />{' '}
                          <RemoveLessonButton courseId={course.id} lesson={lesson} />
                          {editing === `lesson:${lesson.id}` && (
                            <LessonForm modules={modules} courseLanguage={lang} lesson={lesson} onSaved={close} onCancel={close} />
                          )}
                        </li>
                      ))}
                  </ol>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>

      <div className="editor-forms">
        <ModuleForm courseId={course.id} courseTimeZone={course.timeZone} courseLanguage={lang} timeZone={timeZone} language={language}
          part={modules.at(-1)?.part ?? ''} onAdded={reload} />
        <LessonForm modules={modules} courseLanguage={lang} onAdded={reload} />
      </div>

      <section aria-labelledby="editor-members">
        <h2 id="editor-members">{t('editor.members')}</h2>
        <MemberList members={course.enrollments} language={language} />
        <Invitations slug={course.slug} courseId={course.id} language={language} />
      </section>
    </article>
  );
}
