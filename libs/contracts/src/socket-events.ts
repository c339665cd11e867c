/** The Socket.IO namespace of the live feed; the access token goes in `auth: { token }`. */
export const SOCKET_NAMESPACE = '/ops';

/** Event names, declared once: the gateway, the dashboard and the tools import these. */
export const SocketEvents = {
  // client → server
  subscribe: 'operation:subscribe',
  unsubscribe: 'operation:unsubscribe',
  createReport: 'report:create',
  postPosition: 'team:position',
  // server → client
  event: 'operation:event',
  events: 'operation:events',
  caughtUp: 'operation:caught-up',
  positions: 'team:positions',
  accessRevoked: 'access:revoked',
  operationsChanged: 'operations:changed',
} as const;
