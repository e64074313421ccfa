import { z } from 'zod';
import type { PublicationRequest } from '@/db/content/common';
import { parseTiranaDateTime, type TiranaDateTimeError } from '@/lib/dates';
import { intent } from '@/lib/form-input';

/** The editor's publication buttons as form fields: what was asked for, and a schedule's date and time (Tirana). */
export const publicationFields = { intent, publishAtDate: z.string().default(''), publishAtTime: z.string().default('') };

type PublicationInput = z.output<z.ZodObject<typeof publicationFields>>;

/** What the buttons ask of the data layer, or why the schedule's date or time stands for no moment. */
export function publicationRequest(input: PublicationInput): { ok: true; publication: PublicationRequest } | { ok: false; error: TiranaDateTimeError } {
  if (input.intent === 'save') return { ok: true, publication: { action: 'keep' } };
  if (input.intent !== 'schedule') return { ok: true, publication: { action: input.intent } };
  const at = parseTiranaDateTime(input.publishAtDate, input.publishAtTime);
  return at.ok ? { ok: true, publication: { action: 'schedule', at: at.at } } : at;
}
