import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { type JobName, type JobPayloads, QUEUE_OF } from './queues.js';

/**
 * Puts work straight on a queue: for jobs a sweep would plan again if lost (reminders). A job a change
 * must cause goes through `OutboxService`, in the change's transaction.
 */
@Injectable()
export class JobsService {
  constructor(private readonly modules: ModuleRef) {}

  queue(name: string): Queue {
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }

  enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: JobsOptions = {}) {
    return this.queue(QUEUE_OF[name]).add(name, payload, options);
  }

  /** Many jobs of one kind in one round trip. */
  enqueueMany<J extends JobName>(name: J, jobs: { payload: JobPayloads[J]; jobId: string; options?: JobsOptions }[]) {
    return this.queue(QUEUE_OF[name]).addBulk(jobs.map((job) => ({ name, data: job.payload, opts: { ...job.options, jobId: job.jobId } })));
  }

  /** Removes a waiting or delayed job by id; false when it is running or gone. */
  async remove(name: JobName, jobId: string): Promise<boolean> {
    return (await this.queue(QUEUE_OF[name]).remove(jobId)) === 1;
  }
}
