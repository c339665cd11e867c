import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Renders one of the three apps into `#root`. React lives here, not in `main.tsx`, so that the
 * entry chunk is a few hundred bytes: it starts the app's chunks (and the operations room's early
 * requests) at once instead of after downloading and evaluating React first.
 */
export function renderRoot(App: ComponentType): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
