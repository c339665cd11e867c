import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import { textSchema } from './common';
import { MARKINGS } from './marking';

/* The lessons and improvement actions of an operation's after-action report. */

/** A lesson identified and the improvement action that follows from it. */
export const lessonSchema = z.strictObject({
  lesson: textSchema.trim().min(1, ISSUE_MESSAGES.not_empty).max(2000),
  action: textSchema.trim().max(2000).default(''),
  owner: textSchema.trim().max(120).default(''),
  /** The date the action is due, YYYY-MM-DD. */
  dueDate: z.iso.date().nullable().default(null),
});
export type Lesson = z.infer<typeof lessonSchema>;

/**
 * `PUT /operations/:id/lessons`: the whole list, replaced (sending it twice stores it once). Only
 * commanders of the lead agency write it; the marking decides who reads it, like any item the lead
 * originates.
 */
export const saveLessonsSchema = z.strictObject({
  marking: z.enum(MARKINGS).default('TLP:AMBER'),
  items: z.array(lessonSchema).max(100),
});
export type SaveLessons = z.infer<typeof saveLessonsSchema>;

/** The lessons as stored and answered (`GET`/`PUT /operations/:id/lessons`, `operation.lessons_saved`). */
export const operationLessonsSchema = z.object({
  operationId: z.string(),
  marking: z.enum(MARKINGS),
  items: z.array(
    z.object({ lesson: z.string(), action: z.string(), owner: z.string(), dueDate: z.string().nullable() }),
  ),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type OperationLessons = z.infer<typeof operationLessonsSchema>;
