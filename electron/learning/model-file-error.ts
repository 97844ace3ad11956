/** A model file that cannot be used: where in it (a JSON path) and what is wrong. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(
    readonly source: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`model ${source}${path ? ` at ${path}` : ''}: ${reason}`);
  }
}
