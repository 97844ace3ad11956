/** The display filter language: parse text to a typed AST (the SQL compiler lives in electron/cases/filter-sql.ts). */
export type { CompareOp, FilterAst, FilterValue } from './ast';
export { FilterError, type FilterErrorInfo } from './filter-error';
export { filterField, filterFieldNames, filterFields, type FilterField, type FilterFieldKind } from './filter-fields';
export { filterRegExp } from './filter-regex';
export { parseFilter, type ParseResult } from './parser';
