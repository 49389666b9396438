/**
 * Thrown when a JSONata expression fails on a record; `index` is the record's place in the page.
 * Kept with the errors, the lowest layer: the pipeline and the public API's error handling
 * recognise it without depending on the mapping code that throws it.
 */
export class JsonataEvaluationError extends Error {
  constructor(
    message: string,
    readonly index: number | undefined,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}
