import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobsService } from '../jobs/jobs.service.js';
import { type Person, signUpAdmin } from '../testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../testing/test-app.js';
import { waitFor } from '../testing/wait-for.js';

/**
 * Failures are logged so operators can act, and the log holds no personal data or credentials: a
 * failed statement's parameters, PostgreSQL's echo of the row, a job's payload, a bearer token.
 */
const LOG_FILE = join(mkdtempSync(join(tmpdir(), 'kapwa-logs-')), 'kapwa.log');
const PASSWORD = `Secret-${randomBytes(6).toString('hex')}`;
const EMAIL = `ana.${randomBytes(4).toString('hex')}@example.org`;

let api: TestApi;
let admin: Person;

const log = () => (existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8') : '');

beforeAll(async () => {
  api = await startTestApi({ LOG_LEVEL: 'info', LOG_FILE });
  admin = await signUpAdmin(api);
  // The database refuses writes to accounts with an error that repeats the row, the way constraint
  // and trigger errors do (`Key (email)=(…) already exists.`), after the password has been hashed.
  await api.sql(`
    CREATE FUNCTION refuse_account_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'accounts are read-only while "%" waits', NEW.email
        USING ERRCODE = 'KP001', DETAIL = format('Key (email, password_hash)=(%s, %s)', NEW.email, NEW.password_hash), HINT = NEW.email;
    END $$;
    CREATE TRIGGER refuse_account_write BEFORE INSERT OR UPDATE OF email, display_name, password_hash ON app_user FOR EACH ROW EXECUTE FUNCTION refuse_account_write();
  `);
});
afterAll(() => api.close());

describe('the log', () => {
  it('records a failed sign-up by its code and message, without the email, the password or its hash', async () => {
    const res = await api.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { email: EMAIL, password: PASSWORD, displayName: 'Ana' },
    });
    expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');

    const text = log();
    expect(text).toContain('KP001');
    expect(text).toContain('accounts are read-only while');
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('$argon2');
  });

  it('records a failed request of a signed-in person without their bearer token or email', async () => {
    const res = await api.gql(`mutation { updateMe(input: { displayName: "Ana Reyes" }) { id } }`, {}, admin.token);
    expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');

    const text = log();
    expect(text.match(/KP001/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain(admin.token);
    expect(text).not.toContain(admin.token.split('.')[1]);
    expect(text).not.toContain(admin.email);
  });

  it("records a calendar feed's requests without the feed's secret address", async () => {
    const path: string = (await api.gql(`{ myCalendarFeedPath }`, {}, admin.token)).data!.myCalendarFeedPath;
    expect((await fetch(`${api.url}${path}`)).status).toBe(200);
    const secret = path.split('/').pop()!.replace(/\.ics$/, '');
    await waitFor(() => log().includes('/calendar/feed/'));
    expect(log()).not.toContain(secret);
  });

  it('keeps a failed log-in out of it', async () => {
    const res = await api.gql(`mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`, { e: admin.email, p: PASSWORD });
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    expect(log()).not.toContain(admin.email);
    expect(log()).not.toContain(PASSWORD);
  });

  it("records a failed job by name, attempt and error, without its payload's personal data", async () => {
    await api.startWorker();
    const payloadEmail = `min.${randomBytes(4).toString('hex')}@example.org`;
    const jobId = `log-check-${randomBytes(4).toString('hex')}`;
    // The notification's insert fails, and the database's error repeats the payload in its message and detail.
    await api.sql(`CREATE FUNCTION refuse_notification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'notification refused: %', NEW.title USING ERRCODE = 'KP002', DETAIL = NEW.body; END $$`);
    await api.sql(`CREATE TRIGGER refuse_notification BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION refuse_notification()`);
    await api.app.get(JobsService).enqueue(
      'deliver-notification',
      { key: jobId, userId: admin.id, kind: 'TEST', title: `Welcome, ${payloadEmail}`, body: `Write to ${payloadEmail}`, email: true },
      { jobId, attempts: 1 },
    );
    await waitFor(() => log().includes(jobId), 15_000);

    const line = log().split('\n').find((l) => l.includes(jobId))!;
    expect(JSON.parse(line)).toMatchObject({ msg: 'job failed for good', job: 'deliver-notification', err: { code: 'KP002' } });
    expect(log()).not.toContain(payloadEmail);
    expect(log()).not.toMatch(/"(parameters|detail)"\s*:/);
  });
});
