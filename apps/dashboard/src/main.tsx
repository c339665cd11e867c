import { markLoadStep } from './app/load-marks';
import { isFieldPath } from './field/field-path';

// Two bundles behind one index.html: the field page (a phone on a poor link) loads none of the
// operations room's code, and the operations room none of the field page's. Besides the load marks
// (a few lines, no imports of their own), this entry imports
// nothing else (React comes with `render-root`), so the chunks below are asked for as soon as the
// few hundred bytes of it are evaluated, all at once.
if (isFieldPath(window.location.pathname)) {
  void Promise.all([import('./render-root'), import('./field/field-app')]).then(async ([{ renderRoot }, { FieldApp, prepareFieldLanguage }]) => {
    await prepareFieldLanguage();
    renderRoot(FieldApp);
  });
} else if (window.location.pathname.startsWith('/print/')) {
  // Pages the API prints to PDF (the after-action report): no session, no socket, no API calls.
  void Promise.all([import('./render-root'), import('./print/print-app')]).then(async ([{ renderRoot }, { PrintApp, preparePrint }]) => {
    await preparePrint();
    renderRoot(PrintApp);
  });
} else {
  // A small chunk of its own, evaluated first: it starts the snapshot request of an operation
  // opened by address, and the app's chunks are asked for once that request is out (see
  // app/early-start.ts: until then the main thread is kept free for the steps that send it).
  void import('./app/early-start')
    .then(({ snapshotRequestSent }) => snapshotRequestSent)
    .catch(() => undefined)
    .then(() => Promise.all([import('./render-root'), import('./app/app')]))
    .then(async ([{ renderRoot }, { App, prepareLanguage }]) => {
      markLoadStep('app-evaluated');
      await prepareLanguage();
      renderRoot(App);
    });
}
