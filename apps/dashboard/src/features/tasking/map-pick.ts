import { useSyncExternalStore } from 'react';

/**
 * A point the commander picks on the map for a task's target. The form asks for a pick, the tasks
 * layer (inside the map) takes the next click and answers it. A tiny external store: the form and
 * the layer sit in different parts of the view and share nothing else.
 */
type Listener = () => void;
type Pick = { active: boolean; point: { lat: number; lon: number } | null };

let state: Pick = { active: false, point: null };
const listeners = new Set<Listener>();

function set(next: Pick): void {
  state = next;
  for (const listener of listeners) listener();
}

export const mapPick = {
  start: () => set({ active: true, point: null }),
  cancel: () => set({ ...state, active: false }),
  answer: (point: { lat: number; lon: number }) => set({ active: false, point }),
  clear: () => set({ active: false, point: null }),
  get: () => state,
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useMapPick(): Pick {
  return useSyncExternalStore(mapPick.subscribe, mapPick.get);
}
