import { z } from 'zod';
import { LANGUAGES, TIME_DISPLAYS } from './languages';

/** A user's own settings, kept on the server so that every browser they sign in on follows them. */
export const userPreferencesSchema = z.object({
  /** null: not chosen yet (the browser's choice, else the browser's language, applies). */
  language: z.enum(LANGUAGES).nullable(),
  timeDisplay: z.enum(TIME_DISPLAYS),
});
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

/** `PUT /api/me/preferences`: what is given changes, what is left out stays. */
export const updatePreferencesSchema = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
  timeDisplay: z.enum(TIME_DISPLAYS).optional(),
});
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;
