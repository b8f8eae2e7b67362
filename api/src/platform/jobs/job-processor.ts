import { Processor } from '@nestjs/bullmq';
import { type QueueName, WORKER_OPTIONS } from './queues.js';

/** `@Processor` with the options every Kapwa worker shares (stall tolerance); processors may add their own. */
export function JobProcessor(queue: QueueName, options: Parameters<typeof Processor>[1] = {}): ClassDecorator {
  return Processor(queue, { ...WORKER_OPTIONS, ...options });
}
