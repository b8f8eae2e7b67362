interface Props {
  /** What the control acts on: a session's, a notification's, a course's title. */
  name: string;
  /** The name's language when it is content rather than interface text (a course's title). */
  lang?: string;
}

/**
 * Words heard after a control's visible text, naming what it acts on, so a list's repeated "Cancel
 * session" is read "Cancel session: Welcome call", "Cancel session: Week 1 discussion". The name starts
 * with the visible words (WCAG 2.5.3: voice control finds the control by what it shows) and differs
 * from its neighbours' (2.4.6), without cluttering the screen.
 */
export function HiddenItemName({ name, lang }: Props) {
  return <span className="visually-hidden">: {lang ? <span lang={lang}>{name}</span> : name}</span>;
}
