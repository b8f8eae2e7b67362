import { useQuery } from '@apollo/client/react';
import { CourseEditorDocument } from '@kapwa/graphql';
import { Suspense, lazy, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { SentenceWithTitle, sentenceText } from '../app/sentence-with-title';
import { useAddressState } from '../app/use-address-state';
import { useViewer } from '../app/use-viewer';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { CourseFacts } from '../features/courses/components/course-badges';
import { CourseDetails } from '../features/courses/components/course-details';
import { EditorOutline, type EditorCourse, type OutlineSelection } from '../features/courses/components/editor-outline';
import { Invitations } from '../features/courses/components/invitation-list';
import { LessonForm } from '../features/courses/components/lesson-form';
import { MemberList } from '../features/courses/components/member-list';
import { ModuleForm } from '../features/courses/components/module-form';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Icon } from '../ui/icons';
import { QueryError } from '../ui/query-error';
import { Tabs } from '../ui/tabs';
import { usePageTitle } from './use-page-title';
import './course-editor.css';

// The live sessions tab brings its own code and text when first opened.
const SessionPlanner = lazy(() => import('../features/live-sessions/components/session-planner').then((module) => ({ default: module.SessionPlanner })));

// So does the network spaces picker on the details tab.
const NetworkSpacesPicker = lazy(() => import('../features/network/components/network-spaces-picker').then((module) => ({ default: module.NetworkSpacesPicker })));

// So does the assignments tab.
const AssignmentManager = lazy(() => import('../features/grading/components/assignment-manager').then((module) => ({ default: module.AssignmentManager })));

const TABS = ['outline', 'details', 'members', 'sessions', 'assignments'] as const;
type Tab = (typeof TABS)[number];

const tabOf = (params: URLSearchParams): Tab => TABS.find((name) => name === params.get('tab')) ?? 'outline';

function withTab(tab: Tab, params: URLSearchParams): URLSearchParams {
  const search = new URLSearchParams(params);
  if (tab === 'outline') search.delete('tab');
  else search.set('tab', tab);
  return search;
}

/** What the pane beside the outline shows, from the address: `?lesson=…`, `?module=…`, `?add=module`, `?add=lesson&in=…`. */
type Pane = OutlineSelection | { kind: 'add-module' } | { kind: 'add-lesson'; moduleId?: string } | null;

function paneOf(params: URLSearchParams): Pane {
  const lesson = params.get('lesson');
  if (lesson) return { kind: 'lesson', id: lesson };
  const module = params.get('module');
  if (module) return { kind: 'module', id: module };
  const add = params.get('add');
  if (add === 'module') return { kind: 'add-module' };
  if (add === 'lesson') return { kind: 'add-lesson', moduleId: params.get('in') ?? undefined };
  return null;
}

const paneKey = (pane: Pane) => (!pane ? '' : 'id' in pane ? `${pane.kind}:${pane.id}` : `${pane.kind}:${'moduleId' in pane ? (pane.moduleId ?? '') : ''}`);

/**
 * A course as its trainers build it, in tabs kept in the address: the outline (parts, weeks and
 * lessons, arranged by dragging or with ↑/↓) beside the form of the week or lesson chosen in it, the
 * course's details and status, its members and invitations, and its live sessions. On a phone the
 * outline and the form take turns.
 */
export default function CourseEditorPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const [params] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(CourseEditorDocument, { variables: { slug } });
  const course = data?.course;
  usePageTitle(course ? sentenceText(t, 'editor.title', course.title) : t('editor.titlePlain'));
  const [tab, setTab] = useAddressState(tabOf, withTab);

  if (loading && !course) return <p className="loading">{t('app:loading')}</p>;
  if (error) return <QueryError error={error} />;
  if (!course) return <h1>{t('course.notFound')}</h1>;

  const selectTab = (next: string) => setTab(tabOf(new URLSearchParams({ tab: next })), { replace: true });

  const panels: Record<Tab, { label: string; panel: ReactNode }> = {
    outline: {
      label: t('editor.tabs.outline'),
      panel: <OutlinePanes course={course} pane={paneOf(params)} onAdded={() => void refetch()} timeZone={timeZone} language={language} />,
    },
    details: {
      label: t('editor.tabs.details'),
      panel: (
        <>
          <CourseDetails course={course} timeZone={timeZone} language={language} />
          <Suspense fallback={null}>
            <NetworkSpacesPicker slug={course.slug} />
          </Suspense>
        </>
      ),
    },
    members: {
      label: t('editor.tabs.members'),
      panel: (
        <section aria-labelledby="editor-members">
          <h2 id="editor-members">{t('editor.members')}</h2>
          <MemberList members={course.enrollments} language={language} />
          <Invitations slug={course.slug} courseId={course.id} language={language} />
        </section>
      ),
    },
    sessions: {
      label: t('editor.tabs.sessions'),
      panel: (
        <section aria-labelledby="editor-sessions">
          <h2 id="editor-sessions">{t('editor.tabs.sessions')}</h2>
          {/* Its code and text load with the tab (the route loads only the courses' text): it waits here meanwhile. */}
          <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
            <SessionPlanner slug={course.slug} timeZone={timeZone} language={language} />
          </Suspense>
        </section>
      ),
    },
    assignments: {
      label: t('editor.tabs.assignments'),
      panel: (
        <section aria-labelledby="editor-assignments">
          <h2 id="editor-assignments">{t('editor.tabs.assignments')}</h2>
          <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
            <AssignmentManager slug={course.slug} timeZone={timeZone} language={language} />
          </Suspense>
        </section>
      ),
    },
  };

  return (
    <article aria-labelledby="page-title" className="editor">
      <p className="breadcrumb">
        <BackToCourse course={course} />
      </p>
      <h1 id="page-title">
        <SentenceWithTitle t={t} i18nKey="editor.title" title={course.title} lang={course.language} />
      </h1>
      <CourseFacts course={course} timeZone={timeZone} language={language} />
      <Tabs label={t('editor.tabs.label')} selected={tab} onSelect={selectTab} items={TABS.map((id) => ({ id, ...panels[id] }))} />
    </article>
  );
}

interface PanesProps {
  course: EditorCourse;
  pane: Pane;
  onAdded(): void;
  timeZone: string;
  language: string;
}

/** The outline beside the chosen item's form (wide screens), or one after the other with a way back (phones). */
function OutlinePanes({ course, pane, onAdded, timeZone, language }: PanesProps) {
  const { t } = useTranslation('courses');
  const [params, setParams] = useSearchParams();
  const paneRef = useRef<HTMLDivElement>(null);
  const key = paneKey(pane);
  const shown = useRef(key);
  const lang = course.language;
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const module = pane?.kind === 'module' ? modules.find((m) => m.id === pane.id) : undefined;
  const lesson = pane?.kind === 'lesson' ? modules.flatMap((m) => m.lessons).find((l) => l.id === pane.id) : undefined;

  // Choosing an item moves focus to its form; closing it (on a phone, back to the outline) to its row.
  useEffect(() => {
    const was = shown.current;
    shown.current = key;
    if (was === key) return;
    // Not away from a field being typed in (a title renamed in the outline with a double click).
    if (document.activeElement?.matches('input, textarea, select')) return;
    if (key) {
      paneRef.current?.querySelector<HTMLElement>('h2')?.focus();
    } else {
      const id = was.split(':')[1];
      const row = id ? document.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"] .outline-title`) : null;
      (row ?? document.getElementById('editor-outline-title'))?.focus();
    }
  }, [key]);

  const href = (set: Record<string, string>) => `?${new URLSearchParams(set)}`;
  const close = () => {
    const search = new URLSearchParams(params);
    for (const name of ['lesson', 'module', 'add', 'in']) search.delete(name);
    setParams(search);
  };
  const forms = { courseId: course.id, courseLanguage: lang, onCancel: close };

  let content: ReactNode;
  if (!pane) {
    content = (
      <EmptyState title={t('editor.pickTitle')}>
        <p>{t('editor.pickHint')}</p>
      </EmptyState>
    );
  } else if (pane.kind === 'add-module') {
    content = (
      <ModuleForm courseTimeZone={course.timeZone} timeZone={timeZone} language={language} part={modules.at(-1)?.part ?? ''}
        onAdded={onAdded} key={key} {...forms} />
    );
  } else if (pane.kind === 'add-lesson') {
    content = <LessonForm key={key} modules={modules} moduleId={pane.moduleId} onAdded={onAdded} {...forms} />;
  } else if (module) {
    content = <ModuleForm key={module.id} courseTimeZone={course.timeZone} timeZone={timeZone} language={language} module={module} {...forms} />;
  } else if (lesson) {
    content = <LessonForm key={lesson.id} modules={modules} lesson={lesson} {...forms} />;
  } else {
    content = (
      <EmptyState title={t('editor.goneTitle')}>
        <p>{t('editor.goneHint')}</p>
      </EmptyState>
    );
  }

  return (
    <div className={['editor-panes', pane ? 'has-pane' : ''].filter(Boolean).join(' ')}>
      <EditorOutline
        course={course}
        selected={pane && 'id' in pane ? pane : null}
        hrefOf={(selection) => href({ [selection.kind]: selection.id })}
        addHref={(kind, moduleId) => href(kind === 'module' ? { add: 'module' } : { add: 'lesson', ...(moduleId ? { in: moduleId } : {}) })}
        onRemoved={(ids) => {
          if (pane && 'id' in pane && ids.includes(pane.id)) close();
        }}
        timeZone={timeZone}
        language={language}
      />
      <div ref={paneRef} className="editor-pane">
        {pane && (
          <p className="editor-back">
            <Button variant="quiet" size="small" icon={<Icon name="chevronLeft" size={18} />} onClick={close}>
              {t('editor.backToOutline')}
            </Button>
          </p>
        )}
        {content}
      </div>
    </div>
  );
}
