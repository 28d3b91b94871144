/**
 * A test for "does [a, b) overlap any of these spans?" in O(log n): spans sorted by start, with the
 * running maximum of their ends. A sentence of pasted text can hold thousands of date mentions, and a
 * scan of all of them per token made its analysis quadratic.
 */
export function overlapTester(
  spans: ReadonlyArray<{ start: number; end: number }>,
): (a: number, b: number) => boolean {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const starts = new Float64Array(sorted.length);
  const maxEnd = new Float64Array(sorted.length);
  let m = Number.NEGATIVE_INFINITY;
  sorted.forEach((s, i) => {
    starts[i] = s.start;
    m = Math.max(m, s.end);
    maxEnd[i] = m;
  });
  return (a: number, b: number): boolean => {
    // the last span starting before b
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > a;
  };
}
