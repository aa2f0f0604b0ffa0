import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import type {
  EntityCheckResult,
  Exemption,
} from '@readiness/backstage-plugin-readiness-common';
import { FormEvent, useState } from 'react';
import { readinessApiRef } from '../../api';
import { describeError } from '../../utils/errors';
import { localDayAfter, localDayStartIso } from '../../utils/format';
import {
  ExemptFormValues,
  MAX_EXEMPTION_DAYS,
  validateExemption,
} from './validation';

const DEFAULT_DAYS = 90;

const initialValues = (): ExemptFormValues => ({
  reason: '',
  expiresOn: localDayAfter(DEFAULT_DAYS),
});

/**
 * Props of {@link ExemptDialog}.
 *
 * @public
 */
export interface ExemptDialogProps {
  open: boolean;
  entityRef: string;
  check: Pick<EntityCheckResult, 'checkId' | 'title'>;
  onClose(): void;
  onExempted(exemption: Exemption): void;
}

/**
 * Waives one check for one entity, with a reason and an expiry.
 *
 * @public
 */
export function ExemptDialog(props: ExemptDialogProps) {
  const { open, entityRef, check, onClose, onExempted } = props;
  const api = useApi(readinessApiRef);
  const [values, setValues] = useState<ExemptFormValues>(initialValues);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();

  const errors = validateExemption(values);
  const shown = submitted ? errors : {};

  const reset = () => {
    setValues(initialValues());
    setSubmitted(false);
    setError(undefined);
  };
  const close = () => {
    reset();
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
      const exemption = await api.createExemption(entityRef, {
        checkId: check.checkId,
        reason: values.reason.trim(),
        expiresAt: localDayStartIso(values.expiresOn),
      });
      reset();
      onExempted(exemption);
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
      aria-labelledby="readiness-exempt-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="readiness-exempt-title">
          Grant exemption: {check.title}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            While the exemption lasts, the check counts as met for {entityRef}.
            When it expires, the computed status comes back.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <TextField
            id="readiness-exempt-reason"
            label="Reason"
            value={values.reason}
            onChange={e => setValues(v => ({ ...v, reason: e.target.value }))}
            required
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            error={!!shown.reason}
            helperText={
              shown.reason ??
              'Why the risk is accepted, and what happens instead.'
            }
          />
          <TextField
            id="readiness-exempt-expires-on"
            label="Expires on"
            type="date"
            value={values.expiresOn}
            onChange={e =>
              setValues(v => ({ ...v, expiresOn: e.target.value }))
            }
            required
            fullWidth
            margin="normal"
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: localDayAfter(1),
              max: localDayAfter(MAX_EXEMPTION_DAYS),
            }}
            error={!!shown.expiresOn}
            helperText={
              shown.expiresOn ?? `At most ${MAX_EXEMPTION_DAYS} days from now.`
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
            Grant exemption
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
