import { ClassifierBar } from './ClassifierBar';
import { ResultsTable } from './ResultsTable';
import { ScanForm } from './ScanForm';
import { SessionAnalyticsPanel } from './SessionAnalyticsPanel';

/** Session fingerprinting: the classifier, a single scan, analytics over every stored prediction and the results table. */
export default function SessionsView({ onError }: { onError: (msg: string | null) => void }) {
  return (
    <div className="sessions-view" data-testid="sessions-view">
      <section className="panel sessions-top">
        <ClassifierBar onError={onError} />
        <ScanForm />
      </section>
      <SessionAnalyticsPanel />
      <ResultsTable />
    </div>
  );
}
