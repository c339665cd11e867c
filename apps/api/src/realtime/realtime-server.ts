import { Injectable } from '@nestjs/common';
import type { OpsNamespace } from './socket-types';

/**
 * The `/ops` namespace, once the gateway has started it. The services that emit (the event
 * streams, the position fan-out, access revocation) get it from here rather than from the gateway,
 * so that the gateway stays a thin edge and nothing depends on it.
 */
@Injectable()
export class RealtimeServer {
  private namespace: OpsNamespace | null = null;
  private readonly waiting: ((namespace: OpsNamespace) => void)[] = [];

  attach(namespace: OpsNamespace): void {
    this.namespace = namespace;
    for (const callback of this.waiting.splice(0)) callback(namespace);
  }

  /** The namespace, or null before the gateway has started (nothing to emit to yet). */
  get current(): OpsNamespace | null {
    return this.namespace;
  }

  whenAttached(callback: (namespace: OpsNamespace) => void): void {
    if (this.namespace) callback(this.namespace);
    else this.waiting.push(callback);
  }
}
