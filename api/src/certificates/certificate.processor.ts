import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobProcessor } from '../platform/jobs/job-processor.js';
import type { JobPayloads } from '../platform/jobs/queues.js';
import { QUEUES } from '../platform/jobs/queues.js';
import { CertificatesService } from './certificates.service.js';

@JobProcessor(QUEUES.certificates)
export class CertificateProcessor extends WorkerHost {
  constructor(private readonly certificates: CertificatesService) {
    super();
  }

  async process(job: Job<JobPayloads['issue-certificate']>): Promise<string | null> {
    const certificate = await this.certificates.issue(job.data.enrollmentId);
    return certificate?.code ?? null;
  }
}
