import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { catalogueFor } from '../notifications/messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isUniqueViolation } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { Certificate } from './certificate.entity.js';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "KPW-7K2Q-M9XD-4RTA": 60 random bits, too many to guess, short enough to type. */
export function newCertificateCode(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(32)]).join(''));
  return `KPW-${groups.join('-')}`;
}

/** What a person may type: any case, spaces or missing hyphens, O for 0, I and L for 1. */
export function normalizeCertificateCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const body = raw.startsWith('KPW') ? raw.slice(3) : raw;
  return body.length === 12 ? `KPW-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}` : input.trim();
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Issues the certificate of a completed learner enrolment and, in the same transaction, tells its holder.
   * Idempotent: a retried or repeated job finds the certificate already there (one per enrolment, by
   * constraint) and changes nothing; its notice was committed with it.
   */
  async issue(enrollmentId: string): Promise<Certificate | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const rows: { id: string }[] = await tx.query(
            `INSERT INTO certificate (enrollment_id, course_id, code, issued_at, holder_name)
             SELECT e.id, e.course_id, $2, now(), u.display_name
             FROM enrollment e JOIN app_user u ON u.id = e.user_id
             WHERE e.id = $1 AND e.status = 'COMPLETED' AND e.role = 'LEARNER'
             ON CONFLICT (enrollment_id) DO NOTHING
             RETURNING id`,
            [enrollmentId, newCertificateCode()],
          );
          if (!rows.length) return tx.findOneBy(Certificate, { enrollmentId });
          const certificate = await tx.findOneByOrFail(Certificate, { id: rows[0].id });
          await this.tellHolder(tx, certificate);
          return certificate;
        });
      } catch (err) {
        // Two codes alike out of 2^60 is rare, but it would only mean drawing again.
        if (!isUniqueViolation(err, 'certificate_code_key')) throw err;
      }
    }
    throw new Error('could not draw a unique certificate code');
  }

  private async tellHolder(tx: EntityManager, certificate: Certificate): Promise<void> {
    const [holder]: { user_id: string; locale: string; title: string }[] = await tx.query(
      `SELECT e.user_id, u.locale, c.title FROM enrollment e JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
       WHERE e.id = $1`,
      [certificate.enrollmentId],
    );
    const words = catalogueFor(holder.locale);
    await this.notifications.notify(tx, [
      {
        key: `certificate-issued:${certificate.enrollmentId}`,
        userId: holder.user_id,
        kind: 'CERTIFICATE_ISSUED',
        title: words.certificateTitle(holder.title),
        body: words.certificateBody(holder.title, certificate.code),
        link: `/certificates/${certificate.code}`,
        email: true,
      },
    ]);
  }

  verify(code: string): Promise<Certificate | null> {
    return this.db.getRepository(Certificate).findOneBy({ code: normalizeCertificateCode(code) });
  }

  forEnrollment(req: object, enrollmentId: string): Promise<Certificate | null> {
    return requestLoader<string, Certificate | null>(req, 'certificate-by-enrollment', async (ids) =>
      byKeys(ids, await this.db.getRepository(Certificate).findBy({ enrollmentId: In([...ids]) }), (c) => c.enrollmentId),
    ).load(enrollmentId);
  }
}
