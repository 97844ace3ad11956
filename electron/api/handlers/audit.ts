import { writeFileSync } from 'node:fs';
import { ApiError } from '../../../shared/contract/errors';
import { auditText } from '../../cases/audit-export';
import { auditCount, iterateAudit, listAudit, verifyAudit } from '../../cases/audit-log';
import type { HandlerGroup } from '../handler';

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': ({ offset, limit, newestFirst }, s) => {
    const { db } = s.requireCase();
    return { total: auditCount(db), entries: listAudit(db, { offset, limit, newestFirst }) };
  },
  'audit.verify': (_input, s) => verifyAudit(s.requireCase().db),
  'audit.export': ({ format, path }, s) => {
    const c = s.requireCase();
    const { text, count } = auditText(iterateAudit(c.db), format);
    if (path === undefined) return { path: null, text, entries: count };
    // Only where the user pointed a save dialog; never into a read-only case's folder.
    if (!s.paths.wasChosen(path)) throw new ApiError('forbidden', `${path} was not chosen in a save dialog`);
    const out = s.paths.admit(path, 'where to write the audit trail');
    if (c.readOnly && s.inCaseFolder(out)) throw new ApiError('read_only', `${out}: the case is open read-only, so nothing is written to its folder`);
    writeFileSync(out, text);
    return { path: out, text: null, entries: count };
  },
};
