/**
 * A line diff of two texts, `-` for lines only in `before`, `+` for lines only in `after`,
 * with `context` unchanged lines around each change. Meant for snapshot reviews: the common
 * head and tail are cut first, so the quadratic part only sees what changed.
 */
export function diffLines(before: string, after: string, context = 3): string {
  const old = before.split('\n');
  const next = after.split('\n');
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head += 1;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < next.length - head &&
    old[old.length - 1 - tail] === next[next.length - 1 - tail]
  ) {
    tail += 1;
  }
  const a = old.slice(head, old.length - tail);
  const b = next.slice(head, next.length - tail);
  // Longest common subsequence lengths, from the end.
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] =
        a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const changed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      changed.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      changed.push(`+ ${b[j]}`);
      j += 1;
    } else {
      changed.push(`- ${a[i]}`);
      i += 1;
    }
  }
  const leading = old.slice(Math.max(0, head - context), head).map((line) => `  ${line}`);
  const trailing = old.slice(old.length - tail, old.length - tail + context).map((line) => `  ${line}`);
  return [`@@ line ${head + 1} @@`, ...leading, ...changed, ...trailing].join('\n');
}
