import { useEffect } from 'react';

/**
 * User Timing marks on the way to an operation's first picture (`lintas:<step>`), each set once
 * per page: `npm run bench:ui` prints them with each load's waterfall, so the stretch between the
 * snapshot's answer and the drawn map reads as steps. They cost nothing worth measuring.
 */
export function markLoadStep(step: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `lintas:${step}`;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** Sets `lintas:<step>` in its effect: placed between a parent's children, it marks where their effects have run. */
export function LoadStepMark({ step }: { step: string }) {
  useEffect(() => markLoadStep(step), [step]);
  return null;
}
