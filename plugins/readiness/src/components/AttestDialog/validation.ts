import { localDayAfter } from '../../utils/format';

/** The attest form's fields, as typed. */
export interface AttestFormValues {
  evidenceUrl: string;
  note: string;
  notApplicable: boolean;
  notApplicableReason: string;
  /** `YYYY-MM-DD` or empty for the check's default expiry. */
  expiresOn: string;
}

/** Problems per field; empty when the form can be sent. */
export type AttestFormErrors = Partial<Record<keyof AttestFormValues, string>>;

/** True for absolute http(s) URLs, the only evidence the backend accepts. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates the form as the backend would, with messages for people. */
export function validateAttestation(
  values: AttestFormValues,
  maxExpiryDays: number | undefined,
  now: Date = new Date(),
): AttestFormErrors {
  const errors: AttestFormErrors = {};
  if (!values.evidenceUrl.trim()) {
    errors.evidenceUrl = 'Link to the evidence: a runbook, a ticket, a report.';
  } else if (!isHttpUrl(values.evidenceUrl.trim())) {
    errors.evidenceUrl = 'Enter a full http:// or https:// URL.';
  }
  if (values.note.length > 2000) {
    errors.note = 'At most 2000 characters.';
  }
  if (values.notApplicable && !values.notApplicableReason.trim()) {
    errors.notApplicableReason = 'Say why the check does not apply.';
  } else if (values.notApplicableReason.length > 2000) {
    errors.notApplicableReason = 'At most 2000 characters.';
  }
  if (values.expiresOn) {
    const earliest = localDayAfter(1, now);
    if (values.expiresOn < earliest) {
      errors.expiresOn = 'Pick a day after today.';
    } else if (
      maxExpiryDays !== undefined &&
      values.expiresOn > localDayAfter(maxExpiryDays, now)
    ) {
      errors.expiresOn = `Attestations of this check last at most ${maxExpiryDays} days.`;
    }
  }
  return errors;
}
