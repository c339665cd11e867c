import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  MARKINGS,
  OPERATION_EVENT_TYPES,
  SOCKET_NAMESPACE,
  SocketEvents,
  socketPositionSchema,
  subscribeSchema,
  unsubscribeSchema,
} from '@lintas/contracts';
import { parse } from 'yaml';
import { z, type ZodType } from 'zod';

/** docs/asyncapi.yaml and libs/contracts describe the same socket contract: neither can drift. */
const doc = parse(readFileSync(resolve(__dirname, '../../../../docs/asyncapi.yaml'), 'utf8'));

const CLIENT_TO_SERVER = [SocketEvents.subscribe, SocketEvents.unsubscribe, SocketEvents.createReport, SocketEvents.postPosition];
const SERVER_TO_CLIENT = [SocketEvents.event, SocketEvents.events, SocketEvents.caughtUp, SocketEvents.positions, SocketEvents.accessRevoked, SocketEvents.operationsChanged];

function deref(node: { $ref?: string }): any {
  if (!node.$ref) return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: any, key) => at?.[key], doc);
  if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
  return deref(target);
}

const operations = Object.values(doc.operations as Record<string, any>);
const requestMessageName = (operation: any) => deref(operation.messages[0]).name as string;

describe('docs/asyncapi.yaml', () => {
  it('is AsyncAPI 3 on the /ops namespace', () => {
    expect(doc.asyncapi).toMatch(/^3\./);
    expect(doc.channels.ops.address).toBe(SOCKET_NAMESPACE);
  });

  it('describes every name of SocketEvents as an operation and a message, and nothing else', () => {
    const allEvents = Object.values(SocketEvents).sort();
    expect([...CLIENT_TO_SERVER, ...SERVER_TO_CLIENT].sort()).toEqual(allEvents);
    expect(operations.map((operation) => operation.title).sort()).toEqual(allEvents);
    expect(operations.map(requestMessageName).sort()).toEqual(allEvents);
    const messageNames = Object.values(doc.components.messages as Record<string, { name: string }>)
      .map((message) => message.name)
      .filter((name) => !/(^| )ack$/.test(name));
    expect(messageNames.sort()).toEqual(allEvents);
  });

  it('has the client events received (with an acknowledgement) and the server events sent', () => {
    for (const operation of operations) {
      const name = requestMessageName(operation);
      if ((CLIENT_TO_SERVER as string[]).includes(name)) {
        expect({ name, action: operation.action, acked: operation.reply !== undefined }).toEqual({ name, action: 'receive', acked: true });
      } else {
        expect({ name, action: operation.action, acked: operation.reply !== undefined }).toEqual({ name, action: 'send', acked: false });
      }
    }
  });

  it('describes the request payloads with the fields of the contracts’ schemas', () => {
    const shapeOf = (schema: ZodType) => {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: object; required?: string[] };
      return { properties: Object.keys(json.properties).sort(), required: [...(json.required ?? [])].sort() };
    };
    const documented = (event: string) => {
      const operation = operations.find((candidate) => requestMessageName(candidate) === event);
      const payload = deref(deref(operation.messages[0]).payload);
      return { properties: Object.keys(payload.properties).sort(), required: [...(payload.required ?? [])].sort() };
    };
    expect(documented(SocketEvents.subscribe)).toEqual(shapeOf(subscribeSchema));
    expect(documented(SocketEvents.unsubscribe)).toEqual(shapeOf(unsubscribeSchema));
    expect(documented(SocketEvents.postPosition)).toEqual(shapeOf(socketPositionSchema));
    const position = deref(deref(doc.components.messages.postPosition).payload).properties.position;
    expect(Object.keys(position.properties).sort()).toEqual(Object.keys(socketPositionSchema.shape.position.shape).sort());
  });

  it('lists the event types and markings of the contracts', () => {
    const event = doc.components.schemas.OperationEvent.properties;
    expect(event.type.enum).toEqual([...OPERATION_EVENT_TYPES]);
    expect(event.marking.enum).toEqual([...MARKINGS]);
  });
});
