import { useOperationSelector } from '../../realtime/operation-realtime';
import { AfterActionDialog } from './after-action-dialog';
import { ReplayBar } from './replay-bar';
import { useReplay } from './replay-context';

/** What replay adds to the map: the time bar, and the after-action dialog it opens. */
export function ReplayOverlay() {
  const replay = useReplay();
  const operation = useOperationSelector((state) => state.operation);
  return (
    <>
      <ReplayBar />
      {replay.reportOpen && operation && <AfterActionDialog operation={operation} liveLessons={replay.liveLessons} onClose={() => replay.setReportOpen(false)} />}
    </>
  );
}
