/**
 * Search normalization done in TypeScript rather than with PostgreSQL's `unaccent`, so the same text is
 * produced on any server (unaccent is a contrib extension, and it is not IMMUTABLE, so it cannot feed an index).
 */

/**
 * Lower case, no diacritics, đ -> d, punctuation -> spaces, single spaces. "Đăng ký hộ kinh doanh" ->
 * "dang ky ho kinh doanh".
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A `to_tsquery('simple', ...)` text requiring every word; the last word matches as a prefix so that
 * "dang ky ho kinh d" already finds results while typing. Safe: words are [a-z0-9] only.
 */
export function toPrefixTsQuery(normalized: string): string | undefined {
  const words = normalized.split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
