import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTERFACE_LOCALES, type InterfaceLocale } from '@kapwa/shared';

/** The folder the translation files are fetched from (vite.config.ts, scripts/translation-files.ts). */
declare const __KAPWA_TRANSLATIONS__: string;

/**
 * Translations live beside the code that uses them: `app/locales/<lng>.json` is the `app`
 * namespace, `features/<capability>/locales/<lng>.json` is the `<capability>` namespace. A new
 * feature only adds its own folder. Only the English of what the shell renders at start (the `app`
 * namespace, with the navigation labels, and the notification bell's `notifications`) ships in the
 * first bundle; every other namespace, and every other language, is a JSON file fetched when a
 * page needs it (routes.tsx lists each page's namespaces; the route waits for them before rendering).
 */
export const INTERFACE_LANGUAGES = INTERFACE_LOCALES;
export type InterfaceLanguage = InterfaceLocale;
export const FALLBACK_LANGUAGE: InterfaceLanguage = 'en';

/** Namespaces the shell renders before any page: bundled in English, loaded at start in other languages. */
export const SHELL_NAMESPACES: readonly string[] = ['app', 'notifications'];

// Keep this glob in step with SHELL_NAMESPACES (import.meta.glob takes literals only).
const english = import.meta.glob<ResourceKey>(['/src/app/locales/en.json', '/src/features/notifications/locales/en.json'], {
  eager: true,
  import: 'default',
});
/**
 * Every translation file not bundled above (another language, or a feature's namespace), fetched when
 * first needed. Built, they are JSON files in one immutable folder beside the bundle (see
 * scripts/translation-files.ts: no per-file entry in the first load); tests read the source files.
 */
const fetchTranslations = (language: string, namespace: string): Promise<ResourceKey> =>
  import.meta.env.MODE === 'test'
    ? (Object.entries(sourceTranslations).find(([path]) => parsePath(path).join() === [namespace, language].join())?.[1]() ?? Promise.resolve({}))
    : fetch(`${__KAPWA_TRANSLATIONS__}/${namespace}/${language}.json`).then((response) => {
        if (response.status === 404) return {};
        if (!response.ok) throw new Error(`Translations ${namespace}/${language}: HTTP ${response.status}`);
        return response.json() as Promise<ResourceKey>;
      });
const sourceTranslations =
  import.meta.env.MODE === 'test' ? import.meta.glob<ResourceKey>('/src/**/locales/*.json', { import: 'default' }) : {};

/** "/src/features/accounts/locales/th.json" → ["accounts", "th"]; "/src/app/locales/en.json" → ["app", "en"]. */
function parsePath(path: string): [namespace: string, language: string] {
  const match = /\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
  if (!match) throw new Error(`Unexpected translation file ${path}`);
  return [match[1], match[2]];
}

function byNamespace(files: Record<string, ResourceKey>): Record<string, ResourceKey> {
  return Object.fromEntries(Object.entries(files).map(([path, keys]) => [parsePath(path)[0], keys]));
}

const lazyTranslations: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    fetchTranslations(language, namespace).then(
      (keys) => callback(null, keys),
      (error: Error) => callback(error, null),
    );
  },
};

/** The best interface language for a BCP-47 tag ("th-TH" → "th"), or undefined. */
export function interfaceLanguageFor(tag: string | null | undefined): InterfaceLanguage | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split('-')[0];
  return INTERFACE_LANGUAGES.find((language) => language === base);
}

export function browserLanguage(): InterfaceLanguage {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of tags) {
    const language = interfaceLanguageFor(tag);
    if (language) return language;
  }
  return FALLBACK_LANGUAGE;
}

export function setUpI18n(language: InterfaceLanguage = browserLanguage()) {
  const instance = i18next.createInstance();
  void instance
    .use(lazyTranslations)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: [...INTERFACE_LANGUAGES],
      // A copy: i18next adds each namespace loaded later (useTranslation) to this list, to reload it when
      // the language changes. Feature namespaces load when a page asks for them.
      ns: [...SHELL_NAMESPACES],
      defaultNS: 'app',
      resources: { en: byNamespace(english) },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}
