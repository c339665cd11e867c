import { Injectable, Logger } from '@nestjs/common';
import { positionInputSchema } from '@lintas/contracts';
import { AppError } from '../../common/app-error';
import { PositionsService } from '../positions/positions.service';
import type { CotEvent } from './cot-event-reader';
import { TakDevicesRepository, type DeviceBinding } from './tak-devices.repository';

/** What became of one event. */
export type CotOutcome =
  | { kind: 'ping' }
  | { kind: 'stored'; binding: DeviceBinding }
  | { kind: 'refused'; reason: 'unbound' | 'rate_limited' | 'not_allowed' | 'invalid' | 'unavailable' }
  | { kind: 'ignored' };

const BINDING_TTL_MS = 3000;

/** A client's keep-alive ping (`t-x-c-t`): answered with `t-x-c-t-r`. */
export const PING_TYPE = 't-x-c-t';

/**
 * What the CoT listener does with one event: answers pings; turns a bound device's position
 * (an atom, `a-…`, with a point) into its team's position through `PositionsService` (the same
 * rate limits, authorization and writer as the REST and socket paths); refuses and logs an
 * unbound device's events, which are never stored; ignores the rest (chat, markers).
 */
@Injectable()
export class CotIngestService {
  private readonly logger = new Logger('CotListener');
  /** Bindings read in the last few seconds: a device sending 4 positions a second costs one look-up per BINDING_TTL_MS. */
  private readonly bindings = new Map<string, { binding: DeviceBinding | null; at: number }>();
  /** One warning per unbound uid a minute: a device that keeps sending should not flood the log. */
  private readonly unboundWarned = new Map<string, number>();

  constructor(
    private readonly positions: PositionsService,
    private readonly devices: TakDevicesRepository,
  ) {}

  async handle(event: CotEvent, peer: string): Promise<CotOutcome> {
    if (event.type === PING_TYPE) return { kind: 'ping' };
    if (!event.type.startsWith('a-') || event.point === null) return { kind: 'ignored' };
    try {
      await this.positions.admitDeviceEvent(event.uid);
      const binding = await this.bindingOf(event.uid);
      if (!binding || binding.user.disabled) {
        this.warnUnbound(event.uid, peer);
        return { kind: 'refused', reason: 'unbound' };
      }
      const position = positionInputSchema.safeParse({
        lat: event.point.lat,
        lon: event.point.lon,
        heading: event.course !== null && event.course >= 0 && event.course <= 360 ? event.course : null,
        speed: event.speed !== null && event.speed >= 0 && event.speed <= 500 ? event.speed : null,
        accuracy: event.point.ce !== null && event.point.ce <= 100_000 ? event.point.ce : null,
        at: event.time,
      });
      if (!position.success) {
        this.logger.warn(`CoT position from ${event.uid} (${peer}) refused: ${position.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
        return { kind: 'refused', reason: 'invalid' };
      }
      const { user } = binding;
      await this.positions.recordFromDevice(
        { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, agencyCode: user.agencyCode },
        { operationId: binding.operationId, teamId: binding.teamId, position: position.data },
      );
      return { kind: 'stored', binding };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.status === 429) return { kind: 'refused', reason: 'rate_limited' };
        this.logger.warn(`CoT position from ${event.uid} (${peer}) refused: ${error.message}`);
        return { kind: 'refused', reason: 'not_allowed' };
      }
      this.logger.error(`CoT position from ${event.uid} (${peer}) not stored: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'refused', reason: 'unavailable' };
    }
  }

  /** Bound, unbound or rebound, a change reaches the listener within BINDING_TTL_MS. */
  private async bindingOf(uid: string): Promise<DeviceBinding | null> {
    const now = Date.now();
    const cached = this.bindings.get(uid);
    if (cached && now - cached.at < BINDING_TTL_MS) return cached.binding;
    const binding = await this.devices.binding(uid);
    if (this.bindings.size > 10_000) this.bindings.clear();
    this.bindings.set(uid, { binding, at: now });
    return binding;
  }

  private warnUnbound(uid: string, peer: string): void {
    const now = Date.now();
    if ((this.unboundWarned.get(uid) ?? 0) > now - 60_000) return;
    if (this.unboundWarned.size > 10_000) this.unboundWarned.clear();
    this.unboundWarned.set(uid, now);
    this.logger.warn(`CoT events from unbound device ${uid} (${peer}) refused; a commander binds it to a team first`);
  }
}
