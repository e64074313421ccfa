import { z } from 'zod';
import { locales } from '@/i18n/routing';

/**
 * What a server action reads from its form, declared once: the schemas of
 * the fields every form shares, and how a form's FormData becomes the
 * object a schema checks (lib/auth/action.ts does that for every action).
 * A form's values are strings (or files); these schemas take them as such.
 */

/** A row's id: a positive whole number a database can hold. */
export const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id, or '' for none (no main image, the top level of the tree). */
export const optionalId = z.union([z.literal('').transform(() => null), id]);
export const locale = z.enum(locales);
/** A version number the form was opened with (optimistic locking). */
export const version = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A version, or '' before the first save. */
export const optionalVersion = z.union([z.literal('').transform(() => null), version]);
/** What the editor's buttons ask for; a form without one saves. */
export const intent = z.enum(['save', 'publish', 'schedule', 'unpublish']).default('save');
/** A text field as typed; browsers send line breaks as CRLF. Missing: undefined (see `.default('')`). */
export const text = z.string().transform((value) => value.replace(/\r\n?/g, '\n'));
/** A checkbox: sent ('on') when ticked, absent when not. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on');

export type FormShape = Record<string, z.ZodType>;

/** The same schema for several fields, their names prefixed (`other.title`, `en.alt`). */
export function fieldsNamed<const K extends string, T extends z.ZodType, P extends string = ''>(
  names: readonly K[],
  schema: T,
  prefix: P = '' as P,
): { [N in K as `${P}${N}`]: T } {
  return Object.fromEntries(names.map((name) => [prefix + name, schema])) as { [N in K as `${P}${N}`]: T };
}

/**
 * The FormData's fields named in `shape`, as `z.object(shape)` checks them:
 * a list field (a z.array schema) gets every value sent under its name; any
 * other field its one value, undefined when it was not sent, and the list of
 * values when it was sent more than once (which its schema then refuses).
 * Fields the shape does not name are left out.
 */
export function formFields(shape: FormShape, formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const values = formData.getAll(name);
    out[name] = schema instanceof z.ZodArray ? values : values.length <= 1 ? values[0] : values;
  }
  return out;
}

/** The form's input checked against `shape`, or null when it is not a form or a field is refused. */
export function parseForm<S extends FormShape>(shape: S, formData: unknown): z.output<z.ZodObject<S>> | null {
  if (!(formData instanceof FormData)) return null;
  const parsed = z.object(shape).safeParse(formFields(shape, formData));
  return parsed.success ? parsed.data : null;
}
