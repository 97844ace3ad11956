/** A CSV file that cannot be imported at all (not one bad row): the file, and what is wrong with it. */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    /** Further facts for the user (e.g. the columns the file does have). */
    readonly details: string[] = [],
  ) {
    super(`${file}: ${reason}`);
  }
}
