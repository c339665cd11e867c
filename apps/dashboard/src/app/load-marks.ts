/**
 * User Timing marks on the way to an operation's first picture (`lintas:<step>`), each set once
 * per page: `npm run bench:ui` prints them with each load's waterfall, so the stretch between the
 * snapshot's answer and the drawn map reads as steps. They cost nothing worth measuring. No imports:
 * the early-start chunk uses it (React comes later, with `render-root`).
 */
export function markLoadStep(step: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `lintas:${step}`;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
