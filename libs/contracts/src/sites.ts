import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import { SITE_KINDS } from './enums';
import { bboxSchema, latitudeSchema, longitudeSchema } from './geo';
import { nameSchema, textSchema } from './common';

export const siteSchema = z.object({
  id: z.string(),
  /** Stable slug, e.g. `kh-bavet`. */
  code: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  country: z.string(),
  counterpart: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  /** A retired site stays on the operations it was part of, but is no longer offered or attached. */
  retired: z.boolean(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteQuerySchema = z.strictObject({
  q: textSchema.trim().max(120).optional(),
  bbox: bboxSchema.optional(),
  kind: z.enum(SITE_KINDS).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Retired sites are left out unless asked for (`includeRetired=true`, the administration's list). */
  includeRetired: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type SiteQuery = z.infer<typeof siteQuerySchema>;

export const createSiteSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{3,64}$/, ISSUE_MESSAGES.site_code),
  name: nameSchema,
  kind: z.enum(SITE_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/, ISSUE_MESSAGES.country_code),
  counterpart: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  lat: latitudeSchema,
  lon: longitudeSchema,
});
export type CreateSite = z.infer<typeof createSiteSchema>;
/** `retired: true` retires the site; `false` brings it back. */
export const updateSiteSchema = createSiteSchema.omit({ code: true }).partial().extend({ retired: z.boolean().optional() });
export type UpdateSite = z.infer<typeof updateSiteSchema>;
