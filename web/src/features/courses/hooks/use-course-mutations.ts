import { useMutation } from '@apollo/client/react';
import {
  EnrollDocument,
  MoveLessonDocument,
  MoveModuleDocument,
  UpdateLessonDocument,
  UpdateModuleDocument,
  type EditorOutlineFieldsFragment,
} from '@kapwa/graphql';
import { withLessonMoved, withModuleMoved } from '../outline-moves';


/** The answer carries the course's `myEnrollment`, so the course page switches to "Continue" by itself. */
export function useEnroll() {
  const [mutate, { loading }] = useMutation(EnrollDocument);
  async function enroll(courseId: string) {
    await mutate({ variables: { courseId } });
  }
  return { enroll, loading };
}

/** The editor's outline as the move mutations answer it; objects read from the cache also carry `__typename`. */
type EditorOutline = EditorOutlineFieldsFragment;

/**
 * Moving a module or a lesson: the outline changes at once (the API's answer, computed here) and goes
 * back by itself if the API refuses, when the promise rejects. The buttons and a drag use the same move.
 */
export function useMoveModule() {
  const [mutate] = useMutation(MoveModuleDocument);
  return async (outline: EditorOutline, moduleId: string, position: number) => {
    const moveModule = { __typename: 'Course' as const, id: outline.id, lessonCount: outline.lessonCount, modules: withModuleMoved(outline.modules, moduleId, position) };
    await mutate({ variables: { moduleId, position }, optimisticResponse: { moveModule } });
  };
}

export function useMoveLesson() {
  const [mutate] = useMutation(MoveLessonDocument);
  return async (outline: EditorOutline, lessonId: string, to: { moduleId: string; position: number }) => {
    const moveLesson = { __typename: 'Course' as const, id: outline.id, lessonCount: outline.lessonCount, modules: withLessonMoved(outline.modules, lessonId, to) };
    await mutate({ variables: { input: { lessonId, ...to } }, optimisticResponse: { moveLesson } });
  };
}

/** A new title for a module or a lesson; the answer updates every place that shows it through the cache. */
export function useRename(kind: 'module' | 'lesson') {
  const [renameModule, { loading: renamingModule }] = useMutation(UpdateModuleDocument);
  const [renameLesson, { loading: renamingLesson }] = useMutation(UpdateLessonDocument);
  async function rename(id: string, title: string) {
    if (kind === 'module') await renameModule({ variables: { moduleId: id, input: { title } } });
    else await renameLesson({ variables: { lessonId: id, input: { title } } });
  }
  return { rename, loading: kind === 'module' ? renamingModule : renamingLesson };
}
