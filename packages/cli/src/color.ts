/** ANSI colours for terminal output, or the identity when colour is off (not a TTY, NO_COLOR). */
export function paint(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    red: wrap('31'),
    green: wrap('32'),
    yellow: wrap('33'),
    blue: wrap('34'),
    cyan: wrap('36'),
    dim: wrap('2'),
    bold: wrap('1'),
    underline: wrap('4'),
  };
}

export type Paint = ReturnType<typeof paint>;
