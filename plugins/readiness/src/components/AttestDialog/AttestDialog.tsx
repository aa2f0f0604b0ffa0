import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import type {
  Attestation,
  EntityCheckResult,
} from '@readiness/backstage-plugin-readiness-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { describeError } from '../../utils/errors';
import { localDayAfter, localDayStartIso } from '../../utils/format';
import { AttestFormValues, validateAttestation } from './validation';

const EMPTY: AttestFormValues = {
  evidenceUrl: '',
  note: '',
  notApplicable: false,
  notApplicableReason: '',
  expiresOn: '',
};

/**
 * Props of {@link AttestDialog}.
 *
 * @public
 */
export interface AttestDialogProps {
  open: boolean;
  entityRef: string;
  check: Pick<EntityCheckResult, 'checkId' | 'title'>;
  onClose(): void;
  onAttested(attestation: Attestation): void;
}

/**
 * Records that a check holds (or does not apply) with an evidence URL, an
 * optional note and an optional earlier expiry.
 *
 * @public
 */
export function AttestDialog(props: AttestDialogProps) {
  const { open, entityRef, check, onClose, onAttested } = props;
  const api = useApi(readinessApiRef);
  const [values, setValues] = useState<AttestFormValues>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();

  const { value: maxExpiryDays } = useAsync(async () => {
    if (!open) {
      return undefined;
    }
    const scorecards = await api.getScorecards();
    const definition = scorecards
      .flatMap(s => s.checks)
      .find(c => c.id === check.checkId);
    return definition?.attestation?.expiryDays;
  }, [api, open, check.checkId]);

  const errors = validateAttestation(values, maxExpiryDays);
  const shown = submitted ? errors : {};
  const set =
    (field: keyof AttestFormValues) =>
    (event: { target: { value: string; checked?: boolean } }) =>
      setValues(v => ({
        ...v,
        [field]:
          field === 'notApplicable'
            ? !!event.target.checked
            : event.target.value,
      }));

  const close = () => {
    setValues(EMPTY);
    setSubmitted(false);
    setError(undefined);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const attestation = await api.createAttestation(entityRef, {
        checkId: check.checkId,
        evidenceUrl: values.evidenceUrl.trim(),
        note: values.note.trim() || undefined,
        notApplicableReason: values.notApplicable
          ? values.notApplicableReason.trim()
          : undefined,
        expiresAt: values.expiresOn
          ? localDayStartIso(values.expiresOn)
          : undefined,
      });
      setValues(EMPTY);
      setSubmitted(false);
      onAttested(attestation);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="readiness-attest-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="readiness-attest-title">
          Attest: {check.title}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            State that this check holds for {entityRef}, and link the evidence a
            reviewer can open. The attestation expires; attest again before it
            does.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <TextField
            id="readiness-attest-evidence-url"
            label="Evidence URL"
            value={values.evidenceUrl}
            onChange={set('evidenceUrl')}
            required
            fullWidth
            margin="normal"
            type="url"
            placeholder="https://"
            error={!!shown.evidenceUrl}
            helperText={
              shown.evidenceUrl ??
              'Runbook, ticket, drill report, review notes…'
            }
          />
          <TextField
            id="readiness-attest-note"
            label="Note"
            value={values.note}
            onChange={set('note')}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            error={!!shown.note}
            helperText={shown.note}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={values.notApplicable}
                onChange={set('notApplicable')}
              />
            }
            label="This check does not apply to this entity"
          />
          {values.notApplicable && (
            <TextField
              id="readiness-attest-na-reason"
              label="Why it does not apply"
              value={values.notApplicableReason}
              onChange={set('notApplicableReason')}
              required
              fullWidth
              multiline
              minRows={2}
              margin="normal"
              error={!!shown.notApplicableReason}
              helperText={shown.notApplicableReason}
            />
          )}
          <TextField
            id="readiness-attest-expires-on"
            label="Expires on"
            type="date"
            value={values.expiresOn}
            onChange={set('expiresOn')}
            fullWidth
            margin="normal"
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: localDayAfter(1),
              max:
                maxExpiryDays !== undefined
                  ? localDayAfter(maxExpiryDays)
                  : undefined,
            }}
            error={!!shown.expiresOn}
            helperText={
              shown.expiresOn ??
              (maxExpiryDays !== undefined
                ? `Optional; by default ${maxExpiryDays} days from now, the longest allowed.`
                : 'Optional; the check’s default expiry applies when empty.')
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
            startIcon={saving ? <CircularProgress size={16} /> : undefined}
          >
            Attest
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
