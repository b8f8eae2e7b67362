import type { TFunction } from 'i18next';
import { Trans } from 'react-i18next';

interface Props {
  t: TFunction;
  /** A sentence that marks where the title goes: "Back to <title>{{title}}</title>", in every language. */
  i18nKey: string;
  /** Content: a course's or a session's title. */
  title: string;
  /** The title's language (its course's), so a Thai title in an English sentence is read in Thai. */
  lang: string;
}

/**
 * An interface sentence naming content, the content in its own language: "Back to การคุ้มครอง…" is read
 * "Back to" in the interface's voice and the title in Thai. The title is a value, never parsed as markup.
 */
export function SentenceWithTitle({ t, i18nKey, title, lang }: Props) {
  return <Trans t={t} i18nKey={i18nKey} values={{ title }} components={{ title: <span lang={lang} /> }} />;
}

/** Stands for the title while the marks are dropped, so a title that looks like markup is kept whole. */
const SLOT = '\u0000';

/** The same sentence as plain text, where no element can go: the tab's title. */
export function sentenceText(t: TFunction, i18nKey: string, title: string): string {
  return t(i18nKey, { title: SLOT })
    .replace(/<\/?title>/g, '')
    .replace(SLOT, () => title);
}
