import { useNow } from '../operation/use-now';
import { useReplayAt } from './replay-context';

/** "Now" for the operation view: the replayed moment while replaying (ages, staleness, figures follow it), else the clock. */
export function useViewNow(everyMs: number): number {
  const live = useNow(everyMs);
  return useReplayAt() ?? live;
}
