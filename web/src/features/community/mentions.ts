/** The "@letters" being typed just before the caret, for the mention suggestions; null when there is none. */
export function mentionAt(text: string, caret: number): { start: number; term: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}._'-]*)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2].length - 1, term: match[2] };
}

/** The people mentioned in `body`: those picked from the suggestions whose "@Name" is still in the text. */
export function mentionIdsIn(body: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([, name]) => body.includes(`@${name}`)).map(([id]) => id);
}
