import { SocketEvents } from '@lintas/contracts/plain';
import { useEffect, useEffectEvent } from 'react';
import { useSessionStore } from '../../auth/session-context';
import { createOpsSocket } from '../../realtime/ops-socket';

/**
 * Calls `onChange` when the viewer's agency is added to an operation or removed from one
 * (`operations:changed`, sent to every socket of the agency), and after a reconnect, which may
 * have missed one. The list page holds this socket only while it is shown.
 */
export function useOperationsChanged(onChange: () => void): void {
  const tokens = useSessionStore();
  const changed = useEffectEvent(onChange);
  useEffect(() => {
    const socket = createOpsSocket(tokens);
    let connectedBefore = false;
    socket.on(SocketEvents.operationsChanged, () => changed());
    socket.on('connect', () => {
      if (connectedBefore) changed();
      connectedBefore = true;
    });
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [tokens]);
}
