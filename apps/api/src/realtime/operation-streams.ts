import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MARKINGS, markingAudience, type MarkingVisibility, type OperationEvent } from '@lintas/contracts';
import type { Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EventLogService } from '../modules/event-log/event-log.service';
import { OperationEventBus } from '../modules/event-log/operation-event-bus';
import { TeamsRepository } from '../modules/teams/teams.repository';
import { DEFAULT_DISPATCHER_OPTIONS, OperationDispatcher } from './operation-dispatcher';
import { audienceRooms, operationRooms } from './operation-rooms';
import { RealtimeServer } from './realtime-server';
import { SlicedBroadcast } from './sliced-broadcast';
import { TeamMarkings, withoutTeam } from './team-disclosure';

/**
 * The dispatchers read every event, whatever its marking, and address each to the rooms of its
 * audience; no viewer ever reads through this. (The marking rule in SQL with every marking allowed.)
 */
const EVERY_EVENT: MarkingVisibility = { agencyId: '00000000-0000-0000-0000-000000000000', markings: MARKINGS, redIfRecipient: true };

/** How often the operations watched here compare their stream with the database (several instances only). */
const TAIL_CHECK_MS = 1000;
/** A dispatcher with no socket left is dropped after this long. */
const IDLE_DISPOSE_MS = 30_000;

/** One operation's live stream on this instance: its dispatcher and what it knows of the teams' markings. */
export interface LiveStream {
  dispatcher: OperationDispatcher;
  teams: TeamMarkings;
}

interface Entry {
  stream: Promise<LiveStream>;
  idleSince: number | null;
}

type Namespace = NonNullable<RealtimeServer['current']>;

/**
 * The live event stream of every operation watched by a socket of this instance. Committed events
 * come from this instance's `OperationEventBus` and, with several instances, from the others
 * (`serverSideEmit`, which goes through the adapter); each operation's `OperationDispatcher` orders
 * them and emits each once to the rooms its marking allows, to this instance's sockets only
 * (`local`): every instance fans out to its own sockets, so ordering holds per socket.
 */
@Injectable()
export class OperationStreams implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OperationStreams.name);
  private readonly entries = new Map<string, Entry>();
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private committed: OperationEvent[] = [];
  private publishing: NodeJS.Immediate | null = null;
  private readonly broadcast = new SlicedBroadcast();
  private readonly clustered: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly bus: OperationEventBus,
    private readonly eventLog: EventLogService,
    private readonly server: RealtimeServer,
    private readonly teamsRepository: TeamsRepository,
  ) {
    this.clustered = config.redisUrl !== null;
  }

  onModuleInit(): void {
    this.subscription = this.bus.events$.subscribe((event) => this.onLocalCommit(event));
    this.server.whenAttached((namespace) => namespace.on('operation-event', (event) => this.offer(event)));
    this.timer = setInterval(() => this.sweep(), TAIL_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    if (this.publishing) clearImmediate(this.publishing);
    this.publishing = null;
    this.committed = [];
    this.broadcast.clear();
    for (const entry of this.entries.values()) void entry.stream.then(({ dispatcher }) => dispatcher.close(), () => undefined);
    this.entries.clear();
  }

  /**
   * The operation's live stream on this instance, started when it resolves: the dispatcher's start
   * point is known, and the teams' markings are read after it (a team committed later reaches the
   * stream as an event).
   */
  async streamFor(operationId: string, leadAgencyId: string): Promise<LiveStream> {
    let entry = this.entries.get(operationId);
    if (!entry) {
      const teams = new TeamMarkings();
      const dispatcher = new OperationDispatcher(operationId, leadAgencyId, {
        emit: (event) => this.emit(event, leadAgencyId, teams),
        readAfter: (afterSeq, limit) => this.eventLog.listSince(operationId, afterSeq, EVERY_EVENT, limit),
        lastSeq: () => this.eventLog.lastSeq(operationId),
        onError: (error) => this.logger.error(`operation ${operationId}: ${error instanceof Error ? error.message : String(error)}`),
      }, DEFAULT_DISPATCHER_OPTIONS);
      const started = dispatcher.ready
        .then(() => this.teamsRepository.markingsOf(operationId))
        .then((rows): LiveStream => {
          teams.load(rows);
          return { dispatcher, teams };
        });
      const created: Entry = { stream: started, idleSince: null };
      entry = created;
      this.entries.set(operationId, created);
      // A stream that could not start is forgotten, so that the next subscriber tries again.
      created.stream.catch(() => {
        if (this.entries.get(operationId) === created) this.entries.delete(operationId);
        dispatcher.close();
      });
    }
    entry.idleSince = null;
    return entry.stream;
  }

  /**
   * Called after COMMIT by whoever wrote the event; must never throw into the writer. The fan-out
   * starts in the next turn of the event loop (events committed in this turn together, in commit
   * order): the writer's acknowledgement goes out first, and database replies already waiting (the
   * next writer holding the operation's seq lock) are handled before a broadcast to every socket.
   */
  private onLocalCommit(event: OperationEvent): void {
    this.committed.push(event);
    this.publishing ??= setImmediate(() => this.publishCommitted());
  }

  private publishCommitted(): void {
    this.publishing = null;
    const events = this.committed;
    this.committed = [];
    for (const event of events) {
      try {
        this.offer(event);
        if (this.clustered) this.server.current?.serverSideEmit('operation-event', event);
      } catch (error) {
        this.logger.error(`publishing event ${event.operationId}#${event.seq} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private offer(event: OperationEvent): void {
    const entry = this.entries.get(event.operationId);
    if (entry) void entry.stream.then(({ dispatcher }) => dispatcher.offer(event), () => undefined);
  }

  private emit(event: OperationEvent, leadAgencyId: string, teams: TeamMarkings): void {
    teams.note(event);
    const namespace = this.server.current;
    if (!namespace) return;
    const rooms = audienceRooms(event.operationId, event, leadAgencyId);
    const catchingUp = operationRooms.catchingUp(event.operationId);
    const team = teams.teamNamedBy(event);
    if (team === null || markingAudience(team, leadAgencyId).kind === 'all-members') {
      this.broadcast.send(namespace, rooms, [catchingUp], event);
      return;
    }
    // A report of a more restricted team: its audience splits into the sockets that may also see
    // the team (read it whole) and the others (read it without the team). Each socket sits in a
    // room named by its id, so the first group is addressed by those rooms.
    const teamRooms = audienceRooms(event.operationId, team, leadAgencyId);
    const mayKnowTeam = socketsIn(namespace, teamRooms);
    const whole = [...socketsIn(namespace, rooms)].filter((id) => mayKnowTeam.has(id));
    if (whole.length > 0) this.broadcast.send(namespace, whole, [catchingUp], event);
    this.broadcast.send(namespace, rooms, [catchingUp, ...teamRooms], withoutTeam(event));
  }

  /** Drops dispatchers nobody here watches any more; with several instances, looks for events whose relay was lost. */
  private sweep(): void {
    const namespace = this.server.current;
    if (!namespace) return;
    const now = Date.now();
    for (const [operationId, entry] of this.entries) {
      const watched = (namespace.adapter.rooms.get(operationRooms.all(operationId))?.size ?? 0) > 0;
      if (!watched) {
        entry.idleSince ??= now;
        if (now - entry.idleSince >= IDLE_DISPOSE_MS) {
          this.entries.delete(operationId);
          void entry.stream.then(({ dispatcher }) => dispatcher.close(), () => undefined);
        }
        continue;
      }
      entry.idleSince = null;
      if (this.clustered) void this.checkTail(operationId, entry);
    }
  }

  /** An instance that died between COMMIT and relaying its event leaves a hole at the end: read it from the database. */
  private async checkTail(operationId: string, entry: Entry): Promise<void> {
    try {
      const [{ dispatcher }, lastSeq] = await Promise.all([entry.stream, this.eventLog.lastSeq(operationId)]);
      dispatcher.noteCommitted(lastSeq);
    } catch (error) {
      this.logger.warn(`tail check of operation ${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The ids of this instance's sockets in any of the rooms. */
function socketsIn(namespace: Namespace, rooms: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const room of rooms) namespace.adapter.rooms.get(room)?.forEach((id) => ids.add(id));
  return ids;
}
