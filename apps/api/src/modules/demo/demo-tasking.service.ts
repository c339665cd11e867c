import { Injectable } from '@nestjs/common';
import { createRequestSchema, createTaskSchema, type AgencyRequest } from '@lintas/contracts';
import type { AuthUser } from '../auth/auth-user';
import { RequestsService } from '../tasking/requests.service';
import { TasksService } from '../tasking/tasks.service';
import { demoClientId } from './demo-client-id';
import type { DemoRequest, DemoTask } from './demo-tasking-data';

/**
 * Seeds a demo operation's requests between agencies and tasks through the API's services, so the
 * event log holds what people would have made it hold. Idempotent: every create and every change
 * has a fixed client id, and a repeated one changes nothing.
 */
@Injectable()
export class DemoTaskingSeeder {
  constructor(
    private readonly tasks: TasksService,
    private readonly requests: RequestsService,
  ) {}

  async seed(
    operationId: string,
    specs: { requests: DemoRequest[]; tasks: DemoTask[] },
    people: Map<string, AuthUser>,
    agencyIds: Map<string, string>,
    teamIds: Map<string, string>,
    sites: Map<string, { id: string; lat: number; lon: number }>,
  ): Promise<void> {
    const requests = new Map<string, AgencyRequest>();
    for (const spec of specs.requests) {
      const author = people.get(spec.authorEmail)!;
      const site = sites.get(spec.siteCode);
      const { request } = await this.requests.create(
        author,
        operationId,
        createRequestSchema.parse({
          clientId: demoClientId(`request:${spec.key}`),
          toAgencyId: agencyIds.get(spec.toAgencyCode)!,
          kind: spec.kind,
          subject: spec.subject,
          details: spec.details,
          lat: site ? Number(site.lat) : null,
          lon: site ? Number(site.lon) : null,
          siteId: site?.id ?? null,
          answerWithinSeconds: spec.answerWithinMinutes * 60,
          marking: spec.marking,
        }),
      );
      requests.set(spec.key, request);
      if (spec.answer) {
        // Answers the request as it stands now (a repeated answer changes nothing): a second start sees it completed.
        const answered = await this.requests.transition(people.get(spec.answer.byEmail)!, operationId, request.id, {
          clientId: demoClientId(`request:${spec.key}:answer`),
          to: spec.answer.to,
          reason: spec.answer.reason,
        });
        requests.set(spec.key, answered);
      }
    }

    for (const spec of specs.tasks) {
      const site = sites.get(spec.siteCode);
      const [dLat, dLon] = spec.offset ?? [0, 0];
      const { task } = await this.tasks.create(
        people.get(spec.authorEmail)!,
        operationId,
        createTaskSchema.parse({
          clientId: demoClientId(`task:${spec.key}`),
          teamId: teamIds.get(spec.teamCallSign)!,
          kind: spec.kind,
          title: spec.title,
          instructions: spec.instructions,
          target: { lat: site ? round(Number(site.lat) + dLat) : null, lon: site ? round(Number(site.lon) + dLon) : null, siteId: site?.id ?? null },
          ackWithinSeconds: spec.ackWithinMinutes * 60,
          marking: spec.marking,
          requestId: spec.requestKey ? requests.get(spec.requestKey)!.id : null,
        }),
      );
      for (const [index, step] of spec.steps.entries()) {
        await this.tasks.transition(people.get(step.byEmail)!, operationId, task.id, { clientId: demoClientId(`task:${spec.key}:${index}`), to: step.to, reason: step.reason });
      }
    }

    // The hand-over comes after the team's task: recorded, confirmed by both sides, then the request completed.
    for (const spec of specs.requests) {
      const request = requests.get(spec.key)!;
      if (!spec.handover) continue;
      if (request.state !== 'accepted') continue;
      await this.requests.recordHandover(people.get(spec.handover.recordedByEmail)!, operationId, request.id, {
        clientId: demoClientId(`request:${spec.key}:handover`),
        ...spec.handover.content,
      });
      for (const [index, email] of spec.handover.confirmedByEmails.entries()) {
        await this.requests.confirmHandover(people.get(email)!, operationId, request.id, demoClientId(`request:${spec.key}:confirm:${index}`));
      }
      if (spec.completedByEmail) {
        await this.requests.transition(people.get(spec.completedByEmail)!, operationId, request.id, { clientId: demoClientId(`request:${spec.key}:complete`), to: 'completed' });
      }
    }
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
