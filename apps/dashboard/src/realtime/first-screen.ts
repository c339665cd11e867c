/**
 * The first snapshot carries the newest this many reports — what the first screen draws — so that
 * it is small and quick to answer, parse and draw; when it is full, the older ones are paged in
 * after the first draw (`OperationConnection`).
 */
export const FIRST_SCREEN_REPORTS = 1000;

let pictureDrawn: () => void = () => undefined;
const firstPicture = new Promise<void>((resolve) => (pictureDrawn = resolve));

/** Called once the operation's first picture is drawn (`MapDrawnMark`). */
export function firstPictureDrawn(): void {
  pictureDrawn();
}

/**
 * Resolves when the page's first picture of an operation is drawn, or after `atMostMs` (a view
 * without a map, or one that never draws). The older reports and the timeline's past wait for it:
 * the picture is drawn in steps (a task each), and a timer started at the snapshot would
 * otherwise slip its 5,000 reports in between the steps — into the first picture's own work.
 */
export function afterFirstPicture(atMostMs: number): Promise<void> {
  return Promise.race([firstPicture, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))]);
}
