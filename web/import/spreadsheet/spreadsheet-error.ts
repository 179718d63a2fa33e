/** The one error type of spreadsheet reading, with a code the UI translates. */

/** What is wrong with a spreadsheet file. */
export type SpreadsheetProblem =
  | 'empty'
  | 'not-zip'
  | 'encrypted'
  | 'legacy-xls'
  | 'corrupt-zip'
  | 'missing-part'
  | 'bad-xml'
  | 'too-large';

/** A spreadsheet file that cannot be read: `problem` says what, `part` which file inside the package. */
export class SpreadsheetError extends Error {
  /** Builds the error; the message is English for logs and the CLI, `problem` is for translated UI text. */
  constructor(
    readonly problem: SpreadsheetProblem,
    message: string,
    readonly part?: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}
