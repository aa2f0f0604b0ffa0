import { localDayAfter } from '../../utils/format';

/** Exemptions last at most this long (readiness-checklist.md section 3). */
export const MAX_EXEMPTION_DAYS = 180;

/** The exempt form's fields, as typed. */
export interface ExemptFormValues {
  reason: string;
  /** `YYYY-MM-DD`. */
  expiresOn: string;
}

/** Problems per field; empty when the form can be sent. */
export type ExemptFormErrors = Partial<Record<keyof ExemptFormValues, string>>;

/** Validates the form as the backend would, with messages for people. */
export function validateExemption(
  values: ExemptFormValues,
  now: Date = new Date(),
): ExemptFormErrors {
  const errors: ExemptFormErrors = {};
  const reason = values.reason.trim();
  if (reason.length < 10) {
    errors.reason = 'Say why, in at least 10 characters.';
  } else if (reason.length > 2000) {
    errors.reason = 'At most 2000 characters.';
  }
  if (!values.expiresOn) {
    errors.expiresOn = 'Every exemption expires; pick the day.';
  } else if (values.expiresOn < localDayAfter(1, now)) {
    errors.expiresOn = 'Pick a day after today.';
  } else if (values.expiresOn > localDayAfter(MAX_EXEMPTION_DAYS, now)) {
    errors.expiresOn = `Exemptions last at most ${MAX_EXEMPTION_DAYS} days.`;
  }
  return errors;
}
