import { FIELD_PATH } from './field-path';

/** Set when a new version of the field page has been downloaded and waits for the old one to go. */
type UpdateListener = (apply: () => void) => void;
const updateListeners = new Set<UpdateListener>();
let pendingUpdate: (() => void) | null = null;

/**
 * Registers the service worker built by vite-plugin-pwa (precached app shell, basemap data),
 * scoped to the field page so the operations room is not affected. A new version waits until the
 * officer chooses to reload: never in the middle of filling a form.
 */
export function registerFieldServiceWorker(): void {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: FIELD_PATH })
    .then((registration) => {
      const offer = (worker: ServiceWorker | null) => {
        if (!worker || !navigator.serviceWorker.controller) return; // first install: nothing to replace
        pendingUpdate = () => {
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
          worker.postMessage({ type: 'SKIP_WAITING' });
        };
        for (const listener of updateListeners) listener(pendingUpdate);
      };
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer(installing);
        });
      });
    })
    .catch((error: unknown) => console.warn('field: the service worker could not be registered; the page will not open offline', error));
}

export function onFieldUpdate(listener: UpdateListener): () => void {
  updateListeners.add(listener);
  if (pendingUpdate) listener(pendingUpdate);
  return () => updateListeners.delete(listener);
}
