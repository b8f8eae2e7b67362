import type { EditorOutlineFieldsFragment } from '@kapwa/graphql';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { buttonClass } from '../../../ui/button';
import { Icon } from '../../../ui/icons';
import { useMoveLesson, useMoveModule } from '../hooks/use-course-mutations';
import { type Direction, lessonMoveTarget, moduleMoveTarget } from '../lesson-order';

/** The editor's outline: the course with its modules and their lessons, each with its place. */
type Outline = EditorOutlineFieldsFragment;

/** What the outline says when the API refuses a move (which it has then undone). */
export function moveFailedMessage(t: TFunction, tApp: TFunction, error: unknown): string {
  const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
  return t('editor.moveFailed', { reason: tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }) });
}

/** What a move did: read out (and shown for a moment) when it worked, shown until the next move when it did not. */
export interface MoveReport {
  message: string;
  failed: boolean;
}

interface ButtonsProps<T> {
  /** Unique on the page; the buttons' ids derive from it, so focus can follow the item after it moves. */
  id: string;
  upLabel: string;
  downLabel: string;
  /** Where the item goes one place up or down; null at that end, which disables the button. */
  targetOf(direction: Direction): T | null;
  /** Moves the item there; the outline follows through the cache. Resolves to what to announce. */
  move(target: T): Promise<string>;
  onMoved(report: MoveReport): void;
}

/**
 * "↑" and "↓" beside an item of the outline: the keyboard's way to reorder, one place at a time (a
 * lesson at the edge of its module crosses into the next one). The list re-renders in its new order,
 * which can drop the focus, so it is put back on the pressed button, or on the other one when the item
 * has reached the end.
 */
function MoveButtons<T>({ id, upLabel, downLabel, targetOf, move, onMoved }: ButtonsProps<T>) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const busy = useRef(false);
  const [moved, setMoved] = useState<{ direction: Direction } | null>(null);

  useEffect(() => {
    if (!moved) return;
    const pressed = document.getElementById(`${id}-${moved.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${id}-${moved.direction === 'up' ? 'down' : 'up'}`);
    (pressed && !pressed.disabled ? pressed : other)?.focus();
  }, [id, moved]);

  async function press(direction: Direction, target: T) {
    // Not `disabled` while waiting: a disabled button drops the keyboard focus.
    if (busy.current) return;
    busy.current = true;
    const moving = move(target);
    // The outline shows the move at once: focus follows it then, and again once the API has answered.
    setMoved({ direction });
    try {
      onMoved({ message: await moving, failed: false });
    } catch (error) {
      onMoved({ message: moveFailedMessage(t, tApp, error), failed: true });
    } finally {
      busy.current = false;
      setMoved({ direction });
    }
  }

  return (
    <span className="move-buttons">
      {(['up', 'down'] as const).map((direction) => {
        const target = targetOf(direction);
        return (
          <button key={direction} id={`${id}-${direction}`} type="button" className={buttonClass('quiet', 'small', 'icon-button')}
            aria-label={direction === 'up' ? upLabel : downLabel}
            disabled={target === null} onClick={() => target !== null && void press(direction, target)}>
            {/* The design system's chevron, turned over for "up". */}
            <span className={direction === 'up' ? 'icon-turned' : undefined}>
              <Icon name="chevronDown" size={18} />
            </span>
          </button>
        );
      })}
    </span>
  );
}

export function MoveModuleButtons({ outline, module, onMoved }: { outline: Outline; module: { id: string; title: string }; onMoved(report: MoveReport): void }) {
  const { t } = useTranslation('courses');
  const moveModule = useMoveModule();
  return (
    <MoveButtons id={`move-${module.id}`} onMoved={onMoved}
      upLabel={t('editor.moveModuleUp', { title: module.title })} downLabel={t('editor.moveModuleDown', { title: module.title })}
      targetOf={(direction) => moduleMoveTarget(outline.modules, module.id, direction)}
      move={async (position) => {
        await moveModule(outline, module.id, position);
        return t('editor.movedModule', { title: module.title, position });
      }} />
  );
}

export function MoveLessonButtons({ outline, lesson, onMoved }: { outline: Outline; lesson: { id: string; title: string }; onMoved(report: MoveReport): void }) {
  const { t } = useTranslation('courses');
  const moveLesson = useMoveLesson();
  return (
    <MoveButtons id={`move-${lesson.id}`} onMoved={onMoved}
      upLabel={t('editor.moveLessonUp', { title: lesson.title })} downLabel={t('editor.moveLessonDown', { title: lesson.title })}
      targetOf={(direction) => lessonMoveTarget(outline.modules, lesson.id, direction)}
      move={async (target) => {
        await moveLesson(outline, lesson.id, target);
        const module = outline.modules.find((m) => m.id === target.moduleId)?.title ?? '';
        return t('editor.movedLesson', { title: lesson.title, position: target.position, module });
      }} />
  );
}
