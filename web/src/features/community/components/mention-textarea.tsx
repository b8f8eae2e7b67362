import { useQuery } from '@apollo/client/react';
import { MentionCandidatesDocument } from '@kapwa/graphql';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionAt } from '../mentions';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  spaceId: string;
  value: string;
  onChange(value: string): void;
  /** A person was picked from the suggestions: their id goes with the post as a mention. */
  onMention(person: { id: string; displayName: string }): void;
}

/**
 * A Markdown text box that suggests people as "@" and letters are typed (mentionCandidates: only people
 * who read the space). An ARIA combobox: arrows move through the suggestions, Enter picks one (it
 * becomes "@Name "), Escape closes them; the typing caret never leaves the box.
 */
export function MentionTextarea({ spaceId, value, onChange, onMention, ...textarea }: Props) {
  const { t } = useTranslation('community');
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [at, setAt] = useState<{ start: number; term: string } | null>(null);
  const [active, setActive] = useState(0);
  const [closedFor, setClosedFor] = useState<string | null>(null);
  // A pending close after the box loses focus: dropped on unmount.
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(blurTimer.current), []);
  // Where the caret goes once a pick's text is in the box: behind the inserted name, in the same commit,
  // so a key typed straight after Enter lands there and not back in the middle of the name.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    ref.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  }, [value]);
  const { data } = useQuery(MentionCandidatesDocument, { variables: { spaceId, search: at?.term ?? '' }, skip: !at });
  const people = at && data ? data.mentionCandidates : [];
  const open = !!at && people.length > 0 && closedFor !== `${at.start}:${at.term}`;

  function follow(text: string, caret: number) {
    const next = mentionAt(text, caret);
    setAt(next);
    setActive(0);
    if (!next) setClosedFor(null);
  }

  function pick(person: { id: string; displayName: string }) {
    if (!at) return;
    const caret = at.start + 1 + at.term.length;
    const inserted = `@${person.displayName} `;
    const text = value.slice(0, at.start) + inserted + value.slice(caret);
    caretAfterPick.current = at.start + inserted.length;
    onChange(text);
    onMention(person);
    setAt(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % people.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i - 1 + people.length) % people.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(people[Math.min(active, people.length - 1)]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (at) setClosedFor(`${at.start}:${at.term}`);
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="mention-box">
      <textarea
        {...textarea}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          follow(event.target.value, event.target.selectionStart ?? event.target.value.length);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => clearTimeout(blurTimer.current)}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setAt(null), 150);
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('mentions.label')} className="mention-list" hidden={!open}>
        {open &&
          people.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'mention-option active' : 'mention-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              {person.displayName}
            </li>
          ))}
      </ul>
      <p className="field-hint">{t('mentions.hint')}</p>
    </div>
  );
}
