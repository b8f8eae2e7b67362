import { Secret, TOTP } from 'otpauth';
import { Clock } from '../common/clock.js';
import type { Person } from './factories.js';
import type { TestApi } from './test-app.js';

/**
 * The API's clock, held still and moved on by hand: each `next()` code belongs to a step no code was
 * used for yet, whatever the machine's time.
 */
export function authenticatorClock(api: TestApi, start = Date.parse('2030-03-04T08:00:00Z')) {
  let now = start;
  api.app.get(Clock).now = () => new Date(now);
  return {
    /** Moves the clock one 30-second step on. */
    tick: () => (now += 30_000),
    at: () => now,
  };
}

/** An authenticator app holding `secret`; `code(stepsFromNow)` is what it shows then, by the API's clock. */
export function authenticator(secret: string, clock: { at: () => number }) {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return { code: (stepsFromNow = 0) => totp.generate({ timestamp: clock.at() + stepsFromNow * 30_000 }) };
}

/** Turns two-step sign-in on for `person` through the API; answers their app and recovery codes. */
export async function enableTwoFactor(api: TestApi, person: Person, clock: ReturnType<typeof authenticatorClock>) {
  const setup = await api.gql(`mutation { startTwoFactorSetup { secret uri qrCodeSvg } }`, {}, person.token);
  if (setup.errors) throw new Error(`startTwoFactorSetup failed: ${JSON.stringify(setup.errors)}`);
  const app = authenticator(setup.data!.startTwoFactorSetup.secret, clock);
  clock.tick();
  const confirmed = await api.gql(`mutation($code: String!) { confirmTwoFactor(code: $code) }`, { code: app.code() }, person.token);
  if (confirmed.errors) throw new Error(`confirmTwoFactor failed: ${JSON.stringify(confirmed.errors)}`);
  clock.tick();
  return { app, setup: setup.data!.startTwoFactorSetup, recoveryCodes: confirmed.data!.confirmTwoFactor as string[] };
}
