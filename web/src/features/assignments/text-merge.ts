/**
 * A combined text of two versions written at once (the group's saved text and mine), for the learner to
 * edit before saving: every line of both, in order, common lines once. Nothing of either is dropped; where
 * both changed the same place, their lines come first, then mine.
 */
export function combineTexts(theirs: string, mine: string): string {
  if (theirs === mine) return mine;
  if (!theirs.trim()) return mine;
  if (!mine.trim()) return theirs;
  const a = theirs.split('\n');
  const b = mine.split('\n');
  // Longest common subsequence of lines (texts are a few pages at most: n × m is small).
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  let onlyTheirs: string[] = [];
  let onlyMine: string[] = [];
  const flush = () => {
    out.push(...onlyTheirs, ...onlyMine);
    onlyTheirs = [];
    onlyMine = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push(a[i]!);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      onlyTheirs.push(a[i++]!);
    } else {
      onlyMine.push(b[j++]!);
    }
  }
  flush();
  return out.join('\n');
}
