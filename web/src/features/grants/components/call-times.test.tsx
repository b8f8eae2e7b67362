import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CallTime, ClosingCountdown } from './call-times';

const CLOSES = '2026-12-04T10:00:00.000Z';
const { client } = fakeApi(() => ({ data: null }));

test('the countdown says the time left in the largest units that matter, in the reader\'s language', async () => {
  renderWithApp(<ClosingCountdown closesAt={CLOSES} now={Date.parse('2026-12-02T07:00:00Z')} />, { client });
  expect(await screen.findByRole('timer')).toHaveTextContent('Closes in 2 days 3 hours');
});

test('in the last hour the countdown goes down to seconds, and says "Closed" once the moment has passed', async () => {
  const { rerender } = renderWithApp(<ClosingCountdown closesAt={CLOSES} now={Date.parse('2026-12-04T09:58:59Z')} />, { client });
  expect(await screen.findByRole('timer')).toHaveTextContent('Closes in 1 minute 1 second');
  rerender(<ClosingCountdown closesAt={CLOSES} now={Date.parse(CLOSES)} />);
  expect(await screen.findByRole('timer')).toHaveTextContent('Closed');
});

test('in Thai the countdown uses Thai units', async () => {
  renderWithApp(<ClosingCountdown closesAt={CLOSES} now={Date.parse('2026-12-04T07:30:00Z')} />, { client, language: 'th' });
  expect(await screen.findByRole('timer')).toHaveTextContent('ปิดรับในอีก 2 ชั่วโมง 30 นาที');
});

test("a call's closing time is written in the reader's zone with the call's zone beside it, whatever the machine's zone", async () => {
  renderWithApp(<CallTime at={CLOSES} timeZone="Asia/Yangon" callTimeZone="Asia/Bangkok" language="en" />, { client });
  const time = await screen.findByText(/16:30/);
  expect(time).toHaveTextContent('Fri, Dec 4, 2026, 16:30');
  expect(time).toHaveTextContent('17:00');
  expect(time).toHaveAttribute('dateTime', CLOSES);
});
