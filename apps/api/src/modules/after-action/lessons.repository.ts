import { Injectable } from '@nestjs/common';
import type { Lesson, Marking, SaveLessons } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';

export interface LessonsRow {
  lessons: Lesson[];
  lessons_marking: Marking;
  lessons_updated_at: Date | null;
  lessons_updated_by: string | null;
  lead_agency_id: string;
}

/** The lessons and improvement actions, kept on the operation's row. */
@Injectable()
export class LessonsRepository {
  /** `lock`: for a write (`FOR UPDATE`), so that two saves at once compare with what the other stored. */
  async read(manager: EntityManager, operationId: string, lock = false): Promise<LessonsRow | null> {
    const [row] = (await manager.query(
      `SELECT lessons, lessons_marking, lessons_updated_at, lessons_updated_by, lead_agency_id FROM operations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [operationId],
    )) as LessonsRow[];
    return row ?? null;
  }

  async replace(manager: EntityManager, operationId: string, input: SaveLessons, userId: string): Promise<void> {
    await manager.query(
      'UPDATE operations SET lessons = $2::jsonb, lessons_marking = $3, lessons_updated_at = now(), lessons_updated_by = $4 WHERE id = $1',
      [operationId, JSON.stringify(input.items), input.marking, userId],
    );
  }
}
