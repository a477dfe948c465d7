/** Vietnamese groups thousands with a dot (12.345), English with a comma. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);
}

export function formatPercent(part: number, whole: number, language: string): string {
  if (!whole) return '';
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(
    part / whole,
  );
}
