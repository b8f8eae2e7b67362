import { fireEvent, render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { CourseCover } from './course-cover';

const cover = { url: '/course-covers/c1/abc.png', width: 1200, height: 630, alt: 'Hills at dawn over a river' };

test('a course page shows its cover with the alt text, sized so nothing moves while it loads', () => {
  const { getByRole } = render(<CourseCover id="c1" color="#0c5f65" cover={cover} variant="hero" />);
  const image = getByRole('img', { name: 'Hills at dawn over a river' });
  expect(image.getAttribute('width')).toBe('1200');
  expect(image.getAttribute('height')).toBe('630');
});

test('a cover that cannot be loaded gives way to the pattern, not a broken image', () => {
  const { container } = render(<CourseCover id="c1" color="#0c5f65" cover={cover} variant="card" />);
  fireEvent.error(container.querySelector('img')!);
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('svg')).not.toBeNull();
});
