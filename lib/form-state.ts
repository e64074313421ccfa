/** What a server action returns to its form: a localized message and errors per field. */
export type FormState = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
  /** For forms that need a follow-up step (e.g. the two-factor code). */
  step?: string;
};

export const idleState: FormState = { status: 'idle' };
