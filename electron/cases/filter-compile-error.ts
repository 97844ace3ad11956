/**
 * A filter AST the SQL compiler refuses: a field, column, operator or value
 * that parseFilter would never produce. It means a bug or a hand-made AST, and
 * nothing is sent to SQLite.
 */
export class FilterCompileError extends Error {
  override readonly name = 'FilterCompileError';
}
