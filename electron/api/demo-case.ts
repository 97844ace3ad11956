import { join } from 'node:path';
import { resourcesDir, userDataDir } from '../app-paths';
import { deleteEvidence, listEvidence } from '../cases/evidence-store';
import type { IngestJobInput } from '../jobs/ingest-worker';
import type { Session } from './session';

export function sampleCapturePath(): string {
  return join(resourcesDir(), 'sample.pcap');
}

/**
 * Opens the demo case (built from resources/sample.pcap on first use) so a new
 * user sees flows at once. The build runs as an ordinary ingest job, with its
 * progress; an interrupted earlier build is discarded and redone.
 */
export function openDemoCase(session: Session): { jobId: string | null } {
  const path = join(userDataDir(), 'demo.flowsight');
  session.openCase(path, { create: true, demo: true });
  const { db } = session.requireCase();
  const evidence = listEvidence(db);
  for (const e of evidence) if (e.status === 'ingesting' || e.status === 'interrupted') deleteEvidence(db, e.id, session.user, 'discard');
  if (evidence.some((e) => e.status === 'complete')) return { jobId: null };
  const input: IngestJobInput = { casePath: path, files: [sampleCapturePath()], user: session.user, recordOptions: { flowsight: session.opts.version }, nativeBinding: session.opts.nativeBinding };
  return { jobId: session.jobs.start('ingest', 'ingest-worker', input).jobId };
}
