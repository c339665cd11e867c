/**
 * The first snapshot carries the newest this many reports — what the first screen draws — so that
 * it is small and quick to answer, parse and draw; when it is full, the older ones are paged in
 * after the first draw (`OperationConnection`).
 */
export const FIRST_SCREEN_REPORTS = 1000;
