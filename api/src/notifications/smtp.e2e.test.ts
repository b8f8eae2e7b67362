import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { signUp, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { NotificationsService } from './notifications.service.js';

/** A real SMTP server on a random port, keeping what it receives. */
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let api: TestApi;

beforeAll(async () => {
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const { port } = smtp.server.address() as AddressInfo;
  api = await startTestApi({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Kapwa <kapwa@example.org>' });
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

    const mine = received.filter((m) => m.to.includes(person.email));
    expect(mine).toHaveLength(1);
    expect(mine[0].raw).toMatch(/^Subject: Welcome to Kapwa\r?$/m);
    expect(mine[0].raw).toMatch(/^From: Kapwa <kapwa@example.org>\r?$/m);
    expect(mine[0].raw).toMatch(new RegExp(`^Message-ID: <test\\.${person.id}@kapwa>\\r?$`, 'm'));
    expect(mine[0].raw).toContain('http://localhost:5173/courses');
    const [row] = await api.sql(`SELECT status, attempts FROM email_delivery WHERE idempotency_key = $1`, [message.key]);
    expect(row).toEqual({ status: 'SENT', attempts: 2 });
  });
});
