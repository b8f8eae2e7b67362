import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  closestCenter,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Modifier,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CourseEditorQuery } from '@kapwa/graphql';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { FormAlert } from '../../../ui/field';
import { Icon } from '../../../ui/icons';
import { MenuButton } from '../../../ui/menu';
import { FadingStatus } from '../../../ui/status';
import { useMoveLesson, useMoveModule } from '../hooks/use-course-mutations';
import {
  type LessonPlaces,
  lessonMoveFor,
  lessonPlaces,
  moduleMoveFor,
  moduleOfLesson,
  moduleOrder,
  placeLesson,
  placeModule,
} from '../outline-moves';
import { groupByPart } from './course-outline';
import { InlineRename } from './inline-rename';
import { ModuleOpening } from './module-opening';
import { MoveLessonButtons, MoveModuleButtons, moveFailedMessage, type MoveReport } from './move-buttons';
import { RemoveLessonDialog } from './remove-lesson-button';
import { RemoveModuleDialog } from './remove-module-button';

export type EditorCourse = NonNullable<CourseEditorQuery['course']>;
type Module = EditorCourse['modules'][number];
type Lesson = Module['lessons'][number];
type Kind = 'module' | 'lesson';

export interface OutlineSelection {
  kind: Kind;
  id: string;
}

interface Props {
  course: EditorCourse;
  selected: OutlineSelection | null;
  /** The address that opens a module's or a lesson's form beside the outline. */
  hrefOf(selection: OutlineSelection): string;
  /** The address of the form that adds a module, or a lesson (to a given module). */
  addHref(kind: Kind, moduleId?: string): string;
  /** An item was removed: its id, and a module's lessons' (the page lets go of any that was open). */
  onRemoved(ids: string[]): void;
  timeZone: string;
  language: string;
}

/** What dnd-kit tells us about the item under the pointer. */
type DragData = { kind: 'module' } | { kind: 'lesson' } | { kind: 'empty-module'; moduleId: string };

const EMPTY_PREFIX = 'empty:';
const dataOf = (item: { data: { current?: unknown } } | null | undefined) => item?.data.current as DragData | undefined;

/** The outline only moves up and down. */
const alongTheList: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/**
 * The course's outline as a trainer arranges it: parts, then modules (weeks), then lessons. Each row
 * has a handle to drag it (with a pointer, or with Space and the arrow keys), ↑/↓ buttons that move it
 * one place, and a menu to rename or remove it; its title opens its form beside the outline. Every
 * move is one call to the API, shown at once and undone if the API refuses.
 */
export function EditorOutline({ course, selected, hrefOf, addHref, onRemoved, timeZone, language }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const lang = course.language;
  const moveModule = useMoveModule();
  const moveLesson = useMoveLesson();
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a removal the row is gone: focus goes to the outline's heading, once the dialog has closed.
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (!focusHeading) return;
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusHeading]);

  const modules = useMemo(() => [...course.modules].sort((a, b) => a.position - b.position), [course.modules]);
  const order = useMemo(() => moduleOrder(modules), [modules]);
  const saved = useMemo(() => lessonPlaces(modules), [modules]);
  const moduleById = useMemo(() => new Map(modules.map((module) => [module.id, module])), [modules]);
  const lessonById = useMemo(() => new Map(modules.flatMap((module) => module.lessons).map((lesson) => [lesson.id, lesson])), [modules]);

  // While a lesson is dragged from one module to another, the outline shows it in its new module.
  const [dragging, setDragging] = useState<{ kind: Kind; id: string } | null>(null);
  const [preview, setPreview] = useState<LessonPlaces | null>(null);
  const previewRef = useRef<LessonPlaces | null>(null);
  /** Where the dragged item would land now: what the announcements read out. */
  const projected = useRef<{ order: string[]; places: LessonPlaces } | null>(null);
  /** What the drop did, for the announcement that follows it. */
  const dropped = useRef<string | null>(null);
  /** A lesson just crossed into another module: let the layout settle before it crosses again. */
  const justCrossed = useRef(false);
  const places = preview ?? saved;

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      justCrossed.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [preview]);

  function show(next: LessonPlaces | null) {
    previewRef.current = next;
    setPreview(next);
  }

  function report({ message, failed }: MoveReport) {
    if (failed) {
      setError(message);
    } else {
      setError(null);
      setStatus({ message, stamp: Date.now() });
    }
  }

  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (kind: Kind, id: UniqueIdentifier) => (kind === 'module' ? moduleById.get(String(id))?.title : lessonById.get(String(id))?.title) ?? '';

  /** Where the dragged item would land now ("m1:2"), to say so only when it changes. */
  const lastPlace = useRef('');

  /** "Lesson “X”: number 2 of 3 in “Week 1”", as the outline would read with the item where it is now. */
  function placeSentence(key: 'pickedUp' | 'over' | 'dropped', kind: Kind, id: string): string {
    const title = titleOf(kind, id);
    const now = projected.current ?? { order, places };
    if (kind === 'module') {
      lastPlace.current = String(now.order.indexOf(id));
      return t(`editor.drag.${key}Module`, { title, position: now.order.indexOf(id) + 1, total: now.order.length });
    }
    const moduleId = moduleOfLesson(now.places, id) ?? '';
    const list = now.places[moduleId] ?? [];
    lastPlace.current = `${moduleId}:${list.indexOf(id)}`;
    return t(`editor.drag.${key}Lesson`, { title, position: list.indexOf(id) + 1, total: list.length, module: moduleById.get(moduleId)?.title ?? '' });
  }

  /** The place the item would take now, if it differs from the last one read out. */
  function newPlaceSentence(kind: Kind, id: string): string | undefined {
    const before = lastPlace.current;
    const sentence = placeSentence('over', kind, id);
    return lastPlace.current === before ? undefined : sentence;
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => placeSentence('pickedUp', dataOf(active)?.kind === 'module' ? 'module' : 'lesson', String(active.id)),
    onDragOver: ({ active, over }) => {
      const kind = dataOf(active)?.kind === 'module' ? 'module' : 'lesson';
      // Over itself at first, and over other rows that leave it where it is: nothing new to say.
      return over ? newPlaceSentence(kind, String(active.id)) : t('editor.drag.nowhere', { title: titleOf(kind, active.id) });
    },
    onDragEnd: () => dropped.current ?? undefined,
    onDragCancel: ({ active }) => t('editor.drag.cancelled', { title: titleOf(dataOf(active)?.kind === 'module' ? 'module' : 'lesson', active.id) }),
  };

  /** Where a dragged lesson goes over `over`: its module's list, and its index there. */
  function lessonPlaceOver(current: LessonPlaces, event: DragOverEvent | DragEndEvent): LessonPlaces | null {
    const { active, over } = event;
    if (!over) return null;
    const lessonId = String(active.id);
    const data = dataOf(over);
    if (data?.kind === 'empty-module') return placeLesson(current, lessonId, { moduleId: data.moduleId, index: 0 });
    if (data?.kind !== 'lesson') return null;
    const from = moduleOfLesson(current, lessonId);
    const to = moduleOfLesson(current, String(over.id));
    if (!from || !to) return null;
    const overIndex = current[to]!.indexOf(String(over.id));
    if (from === to) return placeLesson(current, lessonId, { moduleId: to, index: overIndex });
    // Into another module: after the lesson it is over when it comes from below (the pointer past that
    // lesson's middle; the keyboard going up), before it otherwise.
    const translated = active.rect.current.translated;
    const below =
      event.activatorEvent instanceof KeyboardEvent
        ? order.indexOf(to) < order.indexOf(from)
        : !!translated && translated.top > over.rect.top + over.rect.height / 2;
    return placeLesson(current, lessonId, { moduleId: to, index: overIndex + (below ? 1 : 0) });
  }

  function onDragStart({ active }: DragStartEvent) {
    const kind: Kind = dataOf(active)?.kind === 'module' ? 'module' : 'lesson';
    setDragging({ kind, id: String(active.id) });
    dropped.current = null;
    projected.current = { order, places: saved };
    if (kind === 'lesson') show(saved);
  }

  function onDragOver(event: DragOverEvent) {
    const { active, over } = event;
    if (!over) return;
    if (dataOf(active)?.kind === 'module') {
      projected.current = { order: placeModule(order, String(active.id), order.indexOf(String(over.id))), places: saved };
      return;
    }
    const current = previewRef.current ?? saved;
    const next = lessonPlaceOver(current, event);
    if (!next) return;
    projected.current = { order, places: next };
    const crosses = moduleOfLesson(next, String(active.id)) !== moduleOfLesson(current, String(active.id));
    if (crosses && !justCrossed.current) {
      justCrossed.current = true;
      show(next);
    }
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    const id = String(active.id);
    const kind: Kind = dataOf(active)?.kind === 'module' ? 'module' : 'lesson';
    const title = titleOf(kind, id);
    setDragging(null);
    if (kind === 'module') {
      const after = over ? placeModule(order, id, order.indexOf(String(over.id))) : order;
      const position = moduleMoveFor(order, after, id);
      projected.current = { order: after, places: saved };
      dropped.current = position ? placeSentence('dropped', 'module', id) : t('editor.drag.unchanged', { title });
      if (position) run(moveModule(course, id, position), t('editor.movedModule', { title, position }));
    } else {
      const after = lessonPlaceOver(previewRef.current ?? saved, event) ?? saved;
      const target = lessonMoveFor(saved, after, id);
      projected.current = { order, places: after };
      dropped.current = target ? placeSentence('dropped', 'lesson', id) : t('editor.drag.unchanged', { title });
      // In the same render as the move's optimistic outline, so the lesson does not jump back first.
      if (target) run(moveLesson(course, id, target), t('editor.movedLesson', { title, position: target.position, module: moduleById.get(target.moduleId)?.title ?? '' }));
    }
    show(null);
  }

  function onDragCancel() {
    setDragging(null);
    show(null);
  }

  function run(moving: Promise<void>, message: string) {
    moving.then(
      () => report({ message, failed: false }),
      (error: unknown) => report({ message: moveFailedMessage(t, tApp, error), failed: true }),
    );
  }

  function removed(kind: Kind, ids: string[], title: string) {
    setStatus({ message: t(kind === 'module' ? 'editor.moduleRemoved' : 'editor.lessonRemoved', { title }), stamp: Date.now() });
    onRemoved(ids);
    setFocusHeading((n) => n + 1);
  }

  const rowProps = { course, lang, selected, hrefOf, report, removed, dragging };
  const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const draggedTitle = dragging ? titleOf(dragging.kind, dragging.id) : '';

  return (
    <section aria-labelledby="editor-outline-title" className="editor-outline">
      <div className="editor-outline-head">
        <h2 id="editor-outline-title" ref={heading} tabIndex={-1}>
          {t('outline.title')}
        </h2>
        <LinkButton to={addHref('module')} variant="secondary" size="small">
          {t('editor.addModule')}
        </LinkButton>
      </div>
      <div className="editor-outline-messages">
        <FadingStatus message={status?.message ?? null} stamp={status?.stamp} />
        <FormAlert message={error} />
      </div>
      {modules.length === 0 ? (
        <EmptyState title={t('editor.noModulesTitle')} headingLevel={3}>
          <p>{t('editor.noModules')}</p>
        </EmptyState>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
          modifiers={[alongTheList]}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('editor.drag.instructions') } }}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <SortableContext id="modules" items={order} strategy={verticalListSortingStrategy}>
            {groupByPart(modules).map((group, index) => (
              <div key={`${group.part ?? ''}-${index}`} className="outline-part">
                {group.part && (
                  <h3 className="outline-part-title" lang={lang}>
                    {group.part}
                  </h3>
                )}
                <ol className="outline-modules">
                  {group.modules.map((module) => (
                    <ModuleRow key={module.id} module={module} lessonIds={places[module.id] ?? []} lessonById={lessonById}
                      addLessonHref={addHref('lesson', module.id)} timeZone={timeZone} language={language} {...rowProps} />
                  ))}
                </ol>
              </div>
            ))}
          </SortableContext>
          <DragOverlay modifiers={[alongTheList]} dropAnimation={reducedMotion ? null : undefined}>
            {dragging && (
              <div className="outline-ghost">
                <Icon name="grip" size={18} />
                <span lang={lang}>{draggedTitle}</span>
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
    </section>
  );
}

interface RowProps {
  course: EditorCourse;
  lang: string;
  selected: OutlineSelection | null;
  hrefOf(selection: OutlineSelection): string;
  report(report: MoveReport): void;
  removed(kind: Kind, ids: string[], title: string): void;
  dragging: { kind: Kind; id: string } | null;
}

function ModuleRow({
  module,
  lessonIds,
  lessonById,
  addLessonHref,
  timeZone,
  language,
  ...row
}: RowProps & { module: Module; lessonIds: string[]; lessonById: Map<string, Lesson>; addLessonHref: string; timeZone: string; language: string }) {
  const { t } = useTranslation('courses');
  const { course, dragging } = row;
  const sortable = useSortable({
    id: module.id,
    data: { kind: 'module' } satisfies DragData,
    // Only modules take a dragged module; only lessons (and empty modules) take a dragged lesson.
    disabled: { draggable: false, droppable: dragging?.kind === 'lesson' },
    attributes: { roleDescription: t('editor.drag.roleDescription') },
  });
  const empty = useDroppable({ id: `${EMPTY_PREFIX}${module.id}`, data: { kind: 'empty-module', moduleId: module.id } satisfies DragData, disabled: dragging?.kind !== 'lesson' || lessonIds.length > 0 });
  const lessons = lessonIds.map((id) => lessonById.get(id)).filter((lesson): lesson is Lesson => !!lesson);

  return (
    <li ref={sortable.setNodeRef} style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={['outline-module', sortable.isDragging ? 'is-dragged' : ''].filter(Boolean).join(' ')}>
      <OutlineRow kind="module" item={module} sortable={sortable} {...row}
        meta={
          <>
            <span>{t('outline.lessonCount', { count: module.lessons.length })}</span>
            {module.opensAt && <ModuleOpening opensAt={module.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />}
          </>
        }
        move={<MoveModuleButtons outline={course} module={module} onMoved={row.report} />}
        remove={(open, close, done) => <RemoveModuleDialog module={module} open={open} onClose={close} onRemoved={done} />}
      />
      <SortableContext id={`lessons:${module.id}`} items={lessonIds} strategy={verticalListSortingStrategy}>
        {lessons.length > 0 ? (
          <ol className="outline-lessons">
            {lessons.map((lesson) => (
              <LessonRow key={lesson.id} lesson={lesson} {...row} />
            ))}
          </ol>
        ) : (
          <p ref={empty.setNodeRef} className={['outline-empty', empty.isOver ? 'is-over' : ''].filter(Boolean).join(' ')}>
            {t('editor.noLessons')}
          </p>
        )}
      </SortableContext>
      <p className="outline-add-lesson">
        <LinkButton to={addLessonHref} variant="quiet" size="small" aria-label={t('editor.addLessonTo', { title: module.title })}>
          {t('editor.addLesson')}
        </LinkButton>
      </p>
    </li>
  );
}

function LessonRow({ lesson, ...row }: RowProps & { lesson: Lesson }) {
  const { t } = useTranslation('courses');
  const { course, dragging } = row;
  const sortable = useSortable({
    id: lesson.id,
    data: { kind: 'lesson' } satisfies DragData,
    disabled: { draggable: false, droppable: dragging?.kind === 'module' },
    attributes: { roleDescription: t('editor.drag.roleDescription') },
  });
  return (
    <li ref={sortable.setNodeRef} style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={['outline-lesson', sortable.isDragging ? 'is-dragged' : ''].filter(Boolean).join(' ')}>
      <OutlineRow kind="lesson" item={lesson} sortable={sortable} {...row}
        meta={lesson.estimatedMinutes != null ? <span>{t('lesson.minutes', { count: lesson.estimatedMinutes })}</span> : null}
        move={<MoveLessonButtons outline={course} lesson={lesson} onMoved={row.report} />}
        menuItems={
          <li>
            <Link to={`/courses/${course.slug}/lessons/${lesson.id}`}>{t('editor.viewAsLearner')}</Link>
          </li>
        }
        remove={(open, close, done) => <RemoveLessonDialog courseId={course.id} lesson={lesson} open={open} onClose={close} onRemoved={done} />}
      />
    </li>
  );
}

/**
 * One row of the outline: the drag handle, the title (a link that opens the form; a double click, or
 * Rename in the menu, renames it in place), what to know about it, ↑/↓, and the menu.
 */
function OutlineRow({
  kind,
  item,
  sortable,
  meta,
  move,
  menuItems,
  remove,
  lang,
  selected,
  hrefOf,
  removed,
}: RowProps & {
  kind: Kind;
  item: { id: string; title: string; lessons?: readonly { id: string }[] };
  sortable: ReturnType<typeof useSortable>;
  meta: ReactNode;
  move: ReactNode;
  /** Items of the row's menu between Rename and Remove. */
  menuItems?: ReactNode;
  remove(open: boolean, close: () => void, done: () => void): ReactNode;
}) {
  const { t } = useTranslation('courses');
  const [renaming, setRenaming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [returnFocus, setReturnFocus] = useState<'title' | 'menu' | null>(null);
  const row = useRef<HTMLDivElement>(null);
  const isSelected = selected?.kind === kind && selected.id === item.id;
  const named = { title: item.title };

  useEffect(() => {
    if (!returnFocus) return;
    row.current?.querySelector<HTMLElement>(returnFocus === 'title' ? '.outline-title' : '.ui-menu-button')?.focus();
    setReturnFocus(null);
  }, [returnFocus]);

  return (
    <div ref={row} data-outline-id={item.id} className={['outline-row', isSelected ? 'is-selected' : ''].filter(Boolean).join(' ')}>
      <button ref={sortable.setActivatorNodeRef} type="button" className="drag-handle" {...sortable.attributes} {...sortable.listeners}
        aria-label={t(kind === 'module' ? 'editor.dragModule' : 'editor.dragLesson', named)}>
        <Icon name="grip" size={18} />
      </button>
      <div className="outline-main">
        {renaming ? (
          <InlineRename kind={kind} item={item} lang={lang} onDone={() => { setRenaming(false); setReturnFocus('title'); }} />
        ) : (
          <Link to={hrefOf({ kind, id: item.id })} className="outline-title" lang={lang} aria-current={isSelected ? 'true' : undefined}
            onDoubleClick={(event) => { event.preventDefault(); setRenaming(true); }}>
            {item.title}
          </Link>
        )}
        {meta && <span className="outline-meta">{meta}</span>}
      </div>
      <div className="outline-actions">
        {move}
        <MenuButton label={t(kind === 'module' ? 'editor.moduleActions' : 'editor.lessonActions', named)} content={<span aria-hidden="true" className="outline-menu-dots">⋯</span>} className="outline-menu">
          <ul>
            <li>
              <button type="button" aria-label={t(kind === 'module' ? 'editor.renameModuleNamed' : 'editor.renameLessonNamed', named)} onClick={() => setRenaming(true)}>
                {t('editor.rename')}
              </button>
            </li>
            {menuItems}
            <li>
              <button type="button" className="outline-remove" aria-label={t(kind === 'module' ? 'editor.removeModuleNamed' : 'editor.removeLessonNamed', named)}
                onClick={() => setRemoving(true)}>
                {t('editor.remove')}
              </button>
            </li>
          </ul>
        </MenuButton>
      </div>
      {/* Into the body: a modal must not sit in the outline, which a narrow screen may hide behind a form. */}
      {removing && createPortal(remove(
        removing,
        () => {
          setRemoving(false);
          setReturnFocus('menu');
        },
        () => {
          setRemoving(false);
          removed(kind, [item.id, ...(item.lessons ?? []).map((lesson) => lesson.id)], item.title);
        },
      ), document.body)}
    </div>
  );
}
