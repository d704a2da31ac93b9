/**
 * A number as `n.toLocaleString('nl-NL')` writes it ("1.234,5"), without Intl: the first
 * toLocaleString with a locale sets up ICU's number formatting, about 12 ms of the language
 * server's first lint (and of every CLI run with a long letter). Numbers this cannot write the
 * same way for sure (more than three decimals, exponent notation, not finite) go to
 * toLocaleString after all.
 */
export function formatDutchNumber(n: number): string {
  const plain = String(n);
  const m = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(plain);
  if (!m || !Number.isFinite(n) || Object.is(n, -0)) return n.toLocaleString('nl-NL');
  const [, sign, int, frac] = m;
  const grouped = int!.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${sign === '-' ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}
