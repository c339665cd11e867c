import { useEffect, useState } from 'react';
import { ApiError, getJson } from './api';

export type ServerStatus = 'checking' | 'online' | 'degraded' | 'offline';

const POLL_MS = 30_000;
const TIMEOUT_MS = 5_000;

/** Polls `GET /api/health`: online (200), degraded (503: the database does not answer) or offline. */
export function useServerStatus(pollMs = POLL_MS): ServerStatus {
  const [status, setStatus] = useState<ServerStatus>('checking');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let generation = 0;
    const check = async () => {
      const mine = ++generation; // a newer check (after online/offline) supersedes this one
      controller = new AbortController();
      const timeout = setTimeout(() => controller?.abort(), TIMEOUT_MS);
      let next: ServerStatus;
      try {
        await getJson('/api/health', { signal: controller.signal });
        next = 'online';
      } catch (error) {
        next = error instanceof ApiError && error.status >= 500 && error.status !== 502 && error.status !== 504 ? 'degraded' : 'offline';
      } finally {
        clearTimeout(timeout);
      }
      if (stopped || mine !== generation) return;
      setStatus(next);
      timer = setTimeout(check, pollMs);
    };
    void check();
    // The browser knows at once when the network goes or comes back: check then rather than at the next poll.
    const recheck = () => {
      if (stopped) return;
      clearTimeout(timer);
      const previous = controller;
      void check();
      previous?.abort();
    };
    window.addEventListener('online', recheck);
    window.addEventListener('offline', recheck);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', recheck);
    };
  }, [pollMs]);

  return status;
}
