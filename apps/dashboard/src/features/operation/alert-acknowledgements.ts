import { useCallback, useState } from 'react';

/**
 * Alerts this viewer has acknowledged on this browser: "I have seen it", so that "next
 * unacknowledged alert" moves on. Kept in localStorage per user and operation; it is a screen
 * aid, not a record (the verdict on an alert is its verification).
 */
export function useAcknowledgedAlerts(userId: string, operationId: string): { acknowledged: ReadonlySet<string>; acknowledge: (alertId: string) => void } {
  const key = `lintas.ack.${userId}.${operationId}`;
  const [state, setState] = useState(() => ({ key, ids: read(key) }));
  const acknowledged = state.key === key ? state.ids : read(key);

  const acknowledge = useCallback(
    (alertId: string) => {
      setState((current) => {
        const ids = new Set(current.key === key ? current.ids : read(key));
        if (ids.has(alertId)) return current;
        ids.add(alertId);
        try {
          localStorage.setItem(key, JSON.stringify([...ids].slice(-2000)));
        } catch {
          // Storage blocked: acknowledged for this page only.
        }
        return { key, ids };
      });
    },
    [key],
  );
  return { acknowledged, acknowledge };
}

function read(key: string): Set<string> {
  try {
    const raw = localStorage.getItem(key);
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
