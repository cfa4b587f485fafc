// Column numbers as the mapping stores them (1-based, as people count across a sheet) and the
// letters a spreadsheet shows above them, so a person can check one against the other.

/** `1` → `A`, `26` → `Z`, `27` → `AA`; an empty string for anything that is not a column number. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) return '';
  let rest = column;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
