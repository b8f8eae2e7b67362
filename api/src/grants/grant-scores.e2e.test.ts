import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Person, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ASSIGN, data, member, openCall, organization, REVIEW, reviewer, scoresOf, submittedApplication } from './grant-fixtures.js';

/**
 * The figures admins rank applications by, against examples worked by hand.
 *
 * The call has two criteria, each weight 1 and maxScore 10, so a review's
 * weightedScore = 100 × (s₁/10 + s₂/10) / 2 = 5 × (s₁ + s₂).
 *
 * Harsh reviews A, B, C:   A (4, 4) → 40   B (2, 2) → 20   C (6, 6) → 60
 *   mean 40; population sd = √((0² + 20² + 20²) / 3) = √266.67 = 16.3299
 *   z: A 0, B −20/16.3299 = −1.224745, C +1.224745
 * Lenient reviews A, B, D: A (8, 8) → 80   B (7, 7) → 70   D (9, 9) → 90
 *   mean 80; population sd = √((0² + 10² + 10²) / 3) = 8.16497
 *   z: A 0, B −10/8.16497 = −1.224745, D +1.224745
 * Once reviews A and E:    A (10, 10) → 100   E (10, 10) → 100: no spread (sd 0), so no z-score.
 * Single reviews F only:   F (5, 5) → 50: fewer than 2 reviews in the call, so no z-score.
 *
 *            reviews          averageScore            normalizedScore            spread
 *   A   40, 80, 100     (40+80+100)/3 = 73.3333   (0 + 0) / 2 = 0               100 − 40 = 60
 *   B   20, 70          (20+70)/2 = 45            (−1.2247 − 1.2247)/2 = −1.2247  50
 *   C   60              60                        1.224745                       null
 *   D   90              90                        1.224745                       null
 *   E   100             100                       null (Once has no spread)      null
 *   F   50              50                        null (Single has one review)   null
 *
 * C and D end level once each reviewer's habits are taken out, though their raw averages are 30 apart.
 */

let api: TestApi;
let admin: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
}, 60_000);
afterAll(() => api.close());

const TWO_CRITERIA = [
  { title: 'Impact', weight: 1, maxScore: 10 },
  { title: 'Plan', weight: 1, maxScore: 10 },
];

describe('scores', () => {
  it('are the weighted score of each review, their mean, the mean of reviewers’ z-scores, and the spread', async () => {
    const call = await openCall(api, admin, { criteria: TWO_CRITERIA, reviewsWanted: 2 });
    const [harsh, lenient, once, single] = await Promise.all(['Harsh', 'Lenient', 'Once', 'Single'].map((name) => reviewer(api, admin, name)));
    const applications: Record<string, string> = {};
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) {
      const org = await organization(api, admin, `Organization ${name}`, 'TH', 'NGO');
      applications[name] = (await submittedApplication(api, await member(api, org, `Applicant ${name}`), org, call.id)).id;
    }
    const review = async (who: Person, name: string, s: number) => {
      await data(api, ASSIGN, { a: applications[name], r: who.id }, admin);
      return (await data(api, REVIEW, { input: { applicationId: applications[name], scores: scoresOf(call.criteria, [s, s]), comment: 'Reviewed.' } }, who)).submitReview
        .weightedScore as number;
    };
    expect(await review(harsh, 'A', 4)).toBe(40);
    expect(await review(harsh, 'B', 2)).toBe(20);
    expect(await review(harsh, 'C', 6)).toBe(60);
    expect(await review(lenient, 'A', 8)).toBe(80);
    expect(await review(lenient, 'B', 7)).toBe(70);
    expect(await review(lenient, 'D', 9)).toBe(90);
    expect(await review(once, 'A', 10)).toBe(100);
    expect(await review(once, 'E', 10)).toBe(100);
    expect(await review(single, 'F', 5)).toBe(50);

    const ranking = (
      await data(api, `query($id: ID!) { grantCall(id: $id) { applications { id averageScore normalizedScore reviewCount scoreSpread needsMoreReviews } } }`, { id: call.id }, admin)
    ).grantCall.applications as { id: string; averageScore: number; normalizedScore: number | null; reviewCount: number; scoreSpread: number | null; needsMoreReviews: boolean }[];
    const of = (name: string) => ranking.find((a) => a.id === applications[name])!;
    const z = 20 / Math.sqrt((0 + 400 + 400) / 3); // 1.224745
    expect(z).toBeCloseTo(1.224745, 6);

    expect(of('A')).toMatchObject({ reviewCount: 3, scoreSpread: 60, needsMoreReviews: false });
    expect(of('A').averageScore).toBeCloseTo(73.333333, 5);
    expect(of('A').normalizedScore).toBeCloseTo(0, 9);
    expect(of('B')).toMatchObject({ averageScore: 45, reviewCount: 2, scoreSpread: 50, needsMoreReviews: false });
    expect(of('B').normalizedScore).toBeCloseTo(-z, 6);
    expect(of('C')).toMatchObject({ averageScore: 60, reviewCount: 1, scoreSpread: null, needsMoreReviews: true });
    expect(of('C').normalizedScore).toBeCloseTo(z, 6);
    expect(of('D')).toMatchObject({ averageScore: 90, reviewCount: 1, scoreSpread: null });
    expect(of('D').normalizedScore).toBeCloseTo(z, 6);
    expect(of('E')).toEqual({ id: applications.E, averageScore: 100, normalizedScore: null, reviewCount: 1, scoreSpread: null, needsMoreReviews: true });
    expect(of('F')).toEqual({ id: applications.F, averageScore: 50, normalizedScore: null, reviewCount: 1, scoreSpread: null, needsMoreReviews: true });
  });

  it('are null before any review', async () => {
    const call = await openCall(api, admin, { criteria: TWO_CRITERIA, title: 'Unreviewed' });
    const org = await organization(api, admin, 'Organization G', 'TH', 'NGO');
    const application = await submittedApplication(api, await member(api, org, 'Applicant G'), org, call.id);
    const seen = (await data(api, `query($id: ID!) { grantApplication(id: $id) { averageScore normalizedScore reviewCount scoreSpread needsMoreReviews } }`, { id: application.id }, admin))
      .grantApplication;
    expect(seen).toEqual({ averageScore: null, normalizedScore: null, reviewCount: 0, scoreSpread: null, needsMoreReviews: true });
  });
});
