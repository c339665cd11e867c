import { z } from 'zod';

/** An online tile layer's URL template: http(s) with {z}, {x} and {y}. */
export const TILE_URL_TEMPLATE = /^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/;

/**
 * What `GET /api/client-config` tells the dashboard before anyone signs in. Parsing is lenient on
 * purpose: an unusable value falls back to its default rather than breaking the map.
 */
export const clientConfigSchema = z
  .object({
    tileUrl: z.string().regex(TILE_URL_TEMPLATE).nullable().catch(null),
    tileAttribution: z.string().max(500).nullable().catch(null),
    demo: z.boolean().catch(false),
    positionStaleSeconds: z.number().positive().catch(300),
    /** True when the server has a PMTiles vector basemap (`GET /api/basemap/archive.pmtiles`). */
    vectorBasemap: z.boolean().catch(false),
  })
  .transform((config) => ({ ...config, tileAttribution: config.tileUrl ? config.tileAttribution : null }));
export type ClientConfig = z.infer<typeof clientConfigSchema>;
