import { type Job, Worker, type WorkerOptions } from 'bullmq';
import { waitFor } from './wait-for.js';

/**
 * What happens to a job whose worker died: some live worker's stalled check finds its lock expired and
 * puts it back in the queue (or fails it, past the queue's tolerance). Runs such a check until the job
 * has left 'active', and returns the state it reached.
 */
export async function checkStalled(queue: string, job: Job, options: WorkerOptions): Promise<string> {
  const checker = new Worker(queue, null, { ...options, autorun: false });
  void checker.startStalledCheckTimer();
  try {
    await waitFor(async () => ['waiting', 'failed'].includes(await job.getState()), 10_000);
  } finally {
    await checker.close(true);
  }
  return job.getState();
}
