import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { expect, test } from 'vitest';
import { setUpI18n } from './i18n';
import { RouteNamespaces } from './route-namespaces';

function CoursesTitle() {
  const { t } = useTranslation('courses');
  return <h1>{t('catalogue.title')}</h1>;
}

function renderRoute(language: 'en' | 'th') {
  const i18n = setUpI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<p>loading</p>}>
        <RouteNamespaces ns={['courses']}>
          <CoursesTitle />
        </RouteNamespaces>
      </Suspense>
    </I18nextProvider>,
  );
  return i18n;
}

test('a feature namespace is not bundled: the route waits for it, then shows its text', async () => {
  const i18n = renderRoute('en');
  expect(i18n.hasResourceBundle('en', 'courses')).toBe(false);
  expect(screen.getByText('loading')).toBeInTheDocument(); // never the raw key
  expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  const heading = await screen.findByRole('heading');
  expect(heading.textContent).toBe(i18n.getResource('en', 'courses', 'catalogue.title'));
  expect(heading.textContent).toBe('Courses');
});

test('in Thai the route waits for the Thai text of the feature', async () => {
  const i18n = renderRoute('th');
  const heading = await screen.findByRole('heading');
  expect(heading.textContent).toBe(i18n.getResource('th', 'courses', 'catalogue.title'));
  expect(heading.textContent).not.toBe(i18n.getResource('en', 'courses', 'catalogue.title'));
});

test('the navigation labels are in the bundled app namespace', () => {
  const i18n = setUpI18n('en');
  expect(i18n.t('app:nav.catalogue')).toBe('Courses');
  expect(i18n.t('app:logOut')).toBe('Log out');
});
