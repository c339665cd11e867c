import { useEffect } from 'react';

/**
 * `/field` inside the operations-room app (e.g. after sign-in, which sends field officers there):
 * the field page is a bundle of its own, so load the document again and let `main.tsx` pick it.
 */
export function FieldEntryRoute() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return null;
}
