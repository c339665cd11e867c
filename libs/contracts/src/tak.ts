import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';

/**
 * TAK (ATAK, WinTAK, iTAK) devices bound to Lintas teams: a device's CoT `uid` becomes one team's
 * position source (`POST /api/operations/{id}/teams/{teamId}/devices`).
 */
export const takDeviceUidSchema = z
  .string()
  .trim()
  .min(1, ISSUE_MESSAGES.device_uid_required)
  .max(128)
  .regex(/^[A-Za-z0-9._:@{}-]+$/, ISSUE_MESSAGES.cot_uid);

export const bindTakDeviceSchema = z.strictObject({ uid: takDeviceUidSchema });
export type BindTakDevice = z.infer<typeof bindTakDeviceSchema>;

export const takDeviceSchema = z.object({
  uid: z.string(),
  operationId: z.string(),
  teamId: z.string(),
  boundAt: z.string(),
  boundBy: z.object({ userId: z.string(), name: z.string() }),
});
export type TakDevice = z.infer<typeof takDeviceSchema>;

/** The markings Lintas sends to TAK devices by default: TAK shows no per-item marking. */
export const TAK_RELEASED_MARKINGS = ['TLP:CLEAR', 'TLP:GREEN'] as const;
