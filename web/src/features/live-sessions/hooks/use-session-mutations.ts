import { useMutation } from '@apollo/client/react';
import {
  CancelLiveSessionDocument,
  RecordAttendanceDocument,
  RotateCalendarFeedDocument,
  ScheduleLiveSessionDocument,
  UpdateLiveSessionDocument,
  type AttendanceStatus,
  type ScheduleLiveSessionInput,
  type UpdateLiveSessionInput,
} from '@kapwa/graphql';

/** The new session comes back whole; the page refetches its list so the order stays the API's. */
export function useScheduleSession() {
  const [mutate, { loading }] = useMutation(ScheduleLiveSessionDocument);
  async function schedule(input: ScheduleLiveSessionInput) {
    return (await mutate({ variables: { input } })).data?.scheduleLiveSession;
  }
  return { schedule, loading };
}

/** The answer updates the session in the cache (by id), so every list shows the new time at once. */
export function useUpdateSession() {
  const [mutate, { loading }] = useMutation(UpdateLiveSessionDocument);
  async function update(sessionId: string, input: UpdateLiveSessionInput) {
    return (await mutate({ variables: { sessionId, input } })).data?.updateLiveSession;
  }
  return { update, loading };
}

export function useCancelSession() {
  const [mutate, { loading }] = useMutation(CancelLiveSessionDocument);
  async function cancel(sessionId: string) {
    await mutate({ variables: { sessionId } });
  }
  return { cancel, loading };
}

export function useRecordAttendance() {
  const [mutate, { loading }] = useMutation(RecordAttendanceDocument);
  async function record(sessionId: string, userId: string, status: AttendanceStatus) {
    await mutate({ variables: { sessionId, userId, status } });
  }
  return { record, loading };
}

export function useRotateCalendarFeed() {
  const [mutate, { loading }] = useMutation(RotateCalendarFeedDocument, {
    // The old address stops working: put the new one where the feed query reads it.
    update(cache, { data }) {
      if (data) cache.modify({ fields: { myCalendarFeedPath: () => data.rotateCalendarFeed } });
    },
  });
  async function rotate() {
    return (await mutate()).data?.rotateCalendarFeed;
  }
  return { rotate, loading };
}
