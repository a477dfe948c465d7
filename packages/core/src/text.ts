/**
 * Folds Vietnamese text to lowercase ASCII so that "dien bien" finds "Điện Biên".
 * đ/Đ are letters of their own (not d + mark), so NFD alone leaves them.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the folded text. */
export function matchesFolded(haystack: string, query: string): boolean {
  const h = foldVietnamese(haystack);
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => h.includes(w));
}
