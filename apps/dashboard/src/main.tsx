import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isFieldPath } from './field/field-path';

// Two bundles behind one index.html: the field page (a phone on a poor link) loads none of the
// operations room's code, and the operations room none of the field page's.
const root = createRoot(document.getElementById('root') as HTMLElement);
if (isFieldPath(window.location.pathname)) {
  void import('./field/field-app').then(async ({ FieldApp, prepareFieldLanguage }) => {
    await prepareFieldLanguage();
    root.render(
      <StrictMode>
        <FieldApp />
      </StrictMode>,
    );
  });
} else if (window.location.pathname.startsWith('/print/')) {
  // Pages the API prints to PDF (the after-action report): no session, no socket, no API calls.
  void import('./print/print-app').then(({ PrintApp }) => root.render(<PrintApp />));
} else {
  // A small chunk of its own, evaluated while the app's larger ones still load: it starts the
  // snapshot request of an operation opened by address (see app/early-start.ts).
  void import('./app/early-start');
  void import('./app/app').then(async ({ App, prepareLanguage }) => {
    await prepareLanguage();
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
