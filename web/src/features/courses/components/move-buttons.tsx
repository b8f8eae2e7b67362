import { useMutation } from '@apollo/client/react';
import { MoveLessonDocument, MoveModuleDocument } from '@kapwa/graphql';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { type Direction, lessonMoveTarget, moduleMoveTarget } from '../lesson-order';

/** The editor's outline: modules with their lessons, each with its place. */
type Outline = readonly { id: string; title: string; position: number; lessons: readonly { id: string; position: number }[] }[];

interface ButtonsProps<T> {
  /** Unique on the page; the buttons' ids derive from it, so focus can follow the item after it moves. */
  id: string;
  upLabel: string;
  downLabel: string;
  /** Where the item goes one place up or down; null at that end, which disables the button. */
  targetOf(direction: Direction): T | null;
  /** Moves the item there; its answer updates the outline through the cache. Resolves to what to announce. */
  move(target: T): Promise<string>;
  onMoved(message: string): void;
}

/**
 * "↑" and "↓" beside an item of the outline. The list re-renders in its new order, which can drop the
 * focus, so it is put back on the pressed button, or on the other one when the item has reached the end.
 */
function MoveButtons<T>({ id, upLabel, downLabel, targetOf, move, onMoved }: ButtonsProps<T>) {
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
    try {
      onMoved(await move(target));
    } catch (error) {
      const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
      onMoved(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
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
          <button key={direction} id={`${id}-${direction}`} type="button" className="link-button"
            aria-label={direction === 'up' ? upLabel : downLabel}
            disabled={target === null} onClick={() => target !== null && void press(direction, target)}>
            {direction === 'up' ? '↑' : '↓'}
          </button>
        );
      })}
    </span>
  );
}

export function MoveModuleButtons({ modules, module, onMoved }: { modules: Outline; module: { id: string; title: string }; onMoved(message: string): void }) {
  const { t } = useTranslation('courses');
  const [mutate] = useMutation(MoveModuleDocument);
  return (
    <MoveButtons id={`move-${module.id}`} onMoved={onMoved}
      upLabel={t('editor.moveModuleUp', { title: module.title })} downLabel={t('editor.moveModuleDown', { title: module.title })}
      targetOf={(direction) => moduleMoveTarget(modules, module.id, direction)}
      move={async (position) => {
        await mutate({ variables: { moduleId: module.id, position } });
        return t('editor.movedModule', { title: module.title, position });
      }} />
  );
}

export function MoveLessonButtons({ modules, lesson, onMoved }: { modules: Outline; lesson: { id: string; title: string }; onMoved(message: string): void }) {
  const { t } = useTranslation('courses');
  const [mutate] = useMutation(MoveLessonDocument);
  return (
    <MoveButtons id={`move-${lesson.id}`} onMoved={onMoved}
      upLabel={t('editor.moveLessonUp', { title: lesson.title })} downLabel={t('editor.moveLessonDown', { title: lesson.title })}
      targetOf={(direction) => lessonMoveTarget(modules, lesson.id, direction)}
      move={async (target) => {
        await mutate({ variables: { input: { lessonId: lesson.id, ...target } } });
        const module = modules.find((m) => m.id === target.moduleId)?.title ?? '';
        return t('editor.movedLesson', { title: lesson.title, position: target.position, module });
      }} />
  );
}
