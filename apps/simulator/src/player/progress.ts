/** What the player has done so far, and how it tells the person running it. */
export interface Tally {
  positionsSent: number;
  positionsStored: number;
  positionsFailed: number;
  /** Positions kept after a lost link and uploaded later through the REST batch (the outbox). */
  positionsFromOutbox: number;
  reportsPosted: number;
  reportsFailed: number;
  statusChanges: number;
  statusFailed: number;
  /** Tasks given and task changes made (scenario `task` and `task-update` events). */
  taskEvents: number;
  taskEventsFailed: number;
  /** Requests sent, answered, hand-overs recorded and confirmed (scenario `request`, `request-update`, `handover`, `handover-confirm`). */
  requestEvents: number;
  requestEventsFailed: number;
  laps: number;
}

export function emptyTally(): Tally {
  return {
    positionsSent: 0,
    positionsStored: 0,
    positionsFailed: 0,
    positionsFromOutbox: 0,
    reportsPosted: 0,
    reportsFailed: 0,
    statusChanges: 0,
    statusFailed: 0,
    taskEvents: 0,
    taskEventsFailed: 0,
    requestEvents: 0,
    requestEventsFailed: 0,
    laps: 0,
  };
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

export function summaryLine(tally: Tally, scenarioSeconds: number, duration: number, inFlight: number): string {
  return (
    `── t+${clock(scenarioSeconds)} of ${clock(duration)}` +
    ` · positions ${tally.positionsStored}/${tally.positionsSent} stored` +
    (tally.positionsFailed ? `, ${tally.positionsFailed} failed` : '') +
    (tally.positionsFromOutbox ? `, ${tally.positionsFromOutbox} via outbox` : '') +
    ` · reports ${tally.reportsPosted}` +
    (tally.reportsFailed ? ` (+${tally.reportsFailed} failed)` : '') +
    ` · status changes ${tally.statusChanges}` +
    (tally.statusFailed ? ` (+${tally.statusFailed} failed)` : '') +
    (tally.taskEvents || tally.taskEventsFailed ? ` · tasking ${tally.taskEvents}${tally.taskEventsFailed ? ` (+${tally.taskEventsFailed} failed)` : ''}` : '') +
    (tally.requestEvents || tally.requestEventsFailed ? ` · requests ${tally.requestEvents}${tally.requestEventsFailed ? ` (+${tally.requestEventsFailed} failed)` : ''}` : '') +
    ` · in flight ${inFlight}`
  );
}
