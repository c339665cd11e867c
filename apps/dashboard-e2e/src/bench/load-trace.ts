/** The trace categories that show the renderer's main thread: tasks, scripts, style, layout, paint, collections. */
export const LOAD_TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', 'loading'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

/**
 * Where the renderer's main thread spent a traced load, by kind of work: the time of each kind's
 * outermost events (a layout forced from a script counts once, under the script), and the busiest
 * tasks. The question it answers is the one the CPU profile cannot: how much of "(program)" is
 * style, layout and paint.
 */
export function summariseLoadTrace(buffer: Buffer): string {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThread = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && events.some((other) => other.pid === event.pid && other.name === 'EvaluateScript'));
  if (!mainThread) return '  (no renderer main thread in the trace)';
  const onMain = events.filter((event) => event.pid === mainThread.pid && event.tid === mainThread.tid && event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');
  const start = tasks[0]?.ts ?? 0;
  const kinds = new Map<string, number>();
  // Innermost-kind attribution: each kind's own time is its duration minus the kinds nested inside it.
  const KINDS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'Commit', 'ParseHTML', 'ParseAuthorStyleSheet', 'HitTest', 'Decode Image', 'ResourceReceivedData']);
  const stack: { end: number; name: string; dur: number; nested: number }[] = [];
  const finish = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop()!;
      kinds.set(done.name, (kinds.get(done.name) ?? 0) + done.dur - done.nested);
    }
  };
  for (const event of onMain) {
    if (!KINDS.has(event.name)) continue;
    finish(event.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.nested += event.dur!;
    stack.push({ end: event.ts + event.dur!, name: event.name, dur: event.dur!, nested: 0 });
  }
  finish(Number.POSITIVE_INFINITY);
  const busy = tasks.reduce((sum, task) => sum + task.dur!, 0);
  const longest = [...tasks].sort((a, b) => b.dur! - a.dur!).slice(0, 12);
  const ms = (us: number) => `${Math.round(us / 1000)}`.padStart(5);
  return [
    `  main thread busy ${ms(busy)} ms in ${tasks.length} tasks; own time by kind:`,
    ...[...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => `  ${ms(us)} ms  ${name}`),
    '  longest tasks (start from the first task, duration):',
    ...longest.map((task) => `  ${ms(task.ts - start)} ms +${ms(task.dur!)} ms`),
  ].join('\n');
}
