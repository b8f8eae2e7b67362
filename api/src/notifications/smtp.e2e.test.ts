import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUp, signUpAdmin } from '../platform/testing/factories.js';
import { startTestSmtpServer } from '../platform/testing/smtp-server.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { NotificationsService } from './notifications.service.js';

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

let api: TestApi;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ SMTP_URL: smtp.url, MAIL_FROM: 'Kapwa <kapwa@example.org>' });
});
afterAll(async () => {
  await api.close();
  smtp.close();
});

describe('email through SMTP', () => {
  it('sends a notification once, with a Message-ID that stays the same for every attempt', async () => {
    await signUpAdmin(api);
    const person = await signUp(api, { displayName: 'Ana' });
    const message = {
      key: `test:${person.id}`,
      userId: person.id,
      kind: 'TEST',
      title: 'Welcome to Kapwa',
      body: 'Your account is ready.',
      link: '/courses',
      email: true,
    };
    const notifications = api.app.get(NotificationsService);
    await notifications.deliver(message);
    await notifications.deliver(message);

    const mine = smtp.received.filter((m) => m.to.includes(person.email));
    expect(mine).toHaveLength(1);
    expect(mine[0].raw).toMatch(/^Subject: Welcome to Kapwa\r?$/m);
    expect(mine[0].raw).toMatch(/^From: Kapwa <kapwa@example.org>\r?$/m);
    expect(mine[0].raw).toMatch(new RegExp(`^Message-ID: <test\\.${person.id}@kapwa>\\r?$`, 'm'));
    expect(mine[0].raw).toContain('http://localhost:5173/courses');
    // One-click unsubscribe (RFC 8058) reaches the wire as headers.
    // (a long header is folded onto the next line, as RFC 5322 allows)
    expect(mine[0].raw).toMatch(/^List-Unsubscribe:\s+<http:\/\/localhost:5173\/email\/unsubscribe\?token=[A-Za-z0-9_.-]+>\r?$/m);
    expect(mine[0].raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const [row] = await api.sql(`SELECT status, attempts FROM email_delivery WHERE idempotency_key = $1`, [message.key]);
    expect(row).toEqual({ status: 'SENT', attempts: 2 });
  });
});
