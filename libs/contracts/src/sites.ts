import { z } from 'zod';
import { SITE_KINDS, type SiteKind } from './enums';
import { bboxSchema, latitudeSchema, longitudeSchema } from './geo';
import { nameSchema, textSchema } from './common';

export interface Site {
  id: string;
  /** Stable slug, e.g. `kh-bavet`. */
  code: string;
  name: string;
  kind: SiteKind;
  country: string;
  counterpart: string | null;
  lat: number;
  lon: number;
}

export const siteQuerySchema = z.strictObject({
  q: textSchema.trim().max(120).optional(),
  bbox: bboxSchema.optional(),
  kind: z.enum(SITE_KINDS).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
});
export type SiteQuery = z.infer<typeof siteQuerySchema>;

export const createSiteSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{3,64}$/, 'must be a lower-case slug'),
  name: nameSchema,
  kind: z.enum(SITE_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  counterpart: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  lat: latitudeSchema,
  lon: longitudeSchema,
});
export type CreateSite = z.infer<typeof createSiteSchema>;
export const updateSiteSchema = createSiteSchema.omit({ code: true }).partial();
export type UpdateSite = z.infer<typeof updateSiteSchema>;
