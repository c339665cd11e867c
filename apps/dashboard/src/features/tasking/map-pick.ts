import { useSyncExternalStore } from 'react';

/**
 * A point the commander picks on the map for a task's target. The form asks for a pick, the tasks
 * layer (inside the map) takes the next click and answers it. A tiny external store: the form and
 * the layer sit in different parts of the view and share nothing else.
 */
type Listener = () => void;
type Pick = {
  active: boolean;
  /** point: the next click is the target; area: each click adds a corner until `finish`. */
  mode: 'point' | 'area';
  point: { lat: number; lon: number } | null;
  /** [lon, lat] corners of an area being drawn or drawn. */
  area: [number, number][];
};

let state: Pick = { active: false, mode: 'point', point: null, area: [] };
const listeners = new Set<Listener>();

function set(next: Pick): void {
  state = next;
  for (const listener of listeners) listener();
}

export const mapPick = {
  start: () => set({ active: true, mode: 'point', point: null, area: [] }),
  startArea: () => set({ active: true, mode: 'area', point: null, area: [] }),
  cancel: () => set({ ...state, active: false }),
  finish: () => set({ ...state, active: false }),
  answer: (point: { lat: number; lon: number }) =>
    set(state.mode === 'area' ? { ...state, area: [...state.area, [point.lon, point.lat]] } : { ...state, active: false, point }),
  clear: () => set({ active: false, mode: 'point', point: null, area: [] }),
  get: () => state,
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useMapPick(): Pick {
  return useSyncExternalStore(mapPick.subscribe, mapPick.get);
}
