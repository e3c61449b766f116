import type { Page } from 'playwright-core';

/** The user timing marks a measured run sets in the page: when it starts, and when the dialog is shown. */
export const START_MARK = 'bench:start';
export const SHOWN_MARK = 'bench:shown';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
}

/**
 * Runs `measure` (a `page.evaluate` that sets `START_MARK`, shows the dialog, sets `SHOWN_MARK`,
 * then waits a frame or two) under Chromium's tracing, and returns the milliseconds from
 * `START_MARK` to the end of the first frame painted after `SHOWN_MARK`: the end of that frame's
 * last main-thread rendering step (Layerize, after Paint), the measure js-framework-benchmark
 * uses. Work the page runs after that frame (the viewer's later chunks) does not count, as it
 * would if the clock stopped at a second `requestAnimationFrame`.
 */
export async function timeToPaint(page: Page, measure: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  await measure();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const start = events.find((event) => event.name === START_MARK);
  const shown = events.find((event) => event.name === SHOWN_MARK);
  if (!start || !shown) throw new Error(`The page did not set the ${START_MARK} and ${SHOWN_MARK} marks`);
  const onMainThread = events.filter((event) => event.tid === shown.tid && event.ph === 'X' && event.ts >= shown.ts).sort((a, b) => a.ts - b.ts);
  const paint = onMainThread.find((event) => event.name === 'Paint');
  if (!paint) throw new Error('No frame was painted after the dialog was shown');
  const nextFrame = onMainThread.find((event) => event.name === 'PrePaint' && event.ts > paint.ts)?.ts ?? Infinity;
  const layerize = onMainThread.find((event) => event.name === 'Layerize' && event.ts >= paint.ts && event.ts < nextFrame);
  const end = layerize ?? paint;
  return (end.ts + (end.dur ?? 0) - start.ts) / 1000;
}
