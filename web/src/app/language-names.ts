/** A language's name, by default in that language ("ไทย"), or in another (`in`: "en" → "Thai"). */
export function languageName(tag: string, inLanguage: string = tag): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
