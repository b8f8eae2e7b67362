import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { scrubLine, serializeError } from './logger.js';

describe('errors in the log', () => {
  it('keep what an operator acts on and lose the values a failed statement carried', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
      code: '23505',
      constraint: 'app_user_email_key',
      table: 'app_user',
      detail: 'Key (email)=(ana@example.org) already exists.',
      where: 'SQL statement "INSERT …"',
    });
    const err = new QueryFailedError(`INSERT INTO app_user (email, note) VALUES ($1, 'ana@example.org')`, ['ana@example.org', '$argon2id$v=19$m=65536'], driverError);
    const logged = serializeError(err) as Record<string, unknown>;

    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "app_user_email_key"',
      code: '23505',
      constraint: 'app_user_email_key',
      table: 'app_user',
      query: `INSERT INTO app_user (email, note) VALUES ($1, '[value]')`,
    });
    expect(Object.keys(logged)).not.toEqual(expect.arrayContaining(['parameters']));
    expect(JSON.stringify(logged)).not.toMatch(/ana@example\.org|argon2|detail|driverError/);
  });

  it('lose values quoted in a message, in its stack too', () => {
    const logged = serializeError(new Error('invalid input syntax for type uuid: "ana@example.org"')) as { message: string; stack: string };
    expect(logged.message).toBe('invalid input syntax for type uuid: "[value]"');
    expect(logged.stack.split('\n')[0]).toBe('Error: invalid input syntax for type uuid: "[value]"');
  });

  it('never carry an email address, password hash or token, whatever field they hide in', () => {
    const line = JSON.stringify({ msg: 'x ana.reyes+1@mail.example.org y', hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', auth: 'Bearer abc.def', jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature' });
    expect(scrubLine(line)).toBe(JSON.stringify({ msg: 'x [email] y', hash: '[password hash]', auth: 'Bearer [token]', jwt: '[token]' }));
  });
});
