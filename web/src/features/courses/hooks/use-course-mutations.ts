import { useMutation } from '@apollo/client/react';
import { CompleteLessonDocument, EnrollDocument } from '@kapwa/graphql';

/** The answer carries the course's `myEnrollment`, so the course page switches to "Continue" by itself. */
export function useEnroll() {
  const [mutate, { loading }] = useMutation(EnrollDocument);
  async function enroll(courseId: string) {
    await mutate({ variables: { courseId } });
  }
  return { enroll, loading };
}

/**
 * The enrolment (progress, status) comes back in the answer and updates every page through the cache;
 * the lesson's own tick is set here, as the mutation does not return the lesson.
 */
export function useCompleteLesson() {
  const [mutate, { loading }] = useMutation(CompleteLessonDocument);
  async function completeLesson(lessonId: string) {
    await mutate({
      variables: { lessonId },
      update(cache) {
        cache.modify({ id: cache.identify({ __typename: 'Lesson', id: lessonId }), fields: { completed: () => true } });
      },
    });
  }
  return { completeLesson, loading };
}
