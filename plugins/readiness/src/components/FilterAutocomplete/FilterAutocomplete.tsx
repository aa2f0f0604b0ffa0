import { CircularProgress, TextField } from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { formatGroupKey } from '../../utils/groupKeys';

/**
 * A multi-select filter whose options are loaded when it opens (from the
 * backend, which knows the values), typed values allowed.
 *
 * @public
 */
export function FilterAutocomplete(props: {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  /** Without it, values are typed (Enter adds one). */
  loadOptions?: () => Promise<string[]>;
  /** Option labels; entity refs are shortened by default. */
  getLabel?: (value: string) => string;
}) {
  const {
    label,
    value,
    onChange,
    loadOptions,
    getLabel = formatGroupKey,
  } = props;
  const [open, setOpen] = useState(false);
  const [{ value: options, loading, error }, load] = useAsyncFn(
    async () => (loadOptions ? loadOptions() : []),
    [loadOptions],
  );
  return (
    <Autocomplete
      id={`readiness-filter-${label.toLocaleLowerCase('en-US')}`}
      multiple
      freeSolo
      size="small"
      open={open}
      onOpen={() => {
        setOpen(true);
        if (!options) {
          load();
        }
      }}
      onClose={() => setOpen(false)}
      options={options ?? []}
      loading={loading}
      value={value}
      onChange={(_, next) => onChange(next as string[])}
      getOptionLabel={getLabel}
      filterSelectedOptions
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={label}
          placeholder={
            loadOptions || value.length ? undefined : 'Type, then Enter'
          }
          error={!!error}
          helperText={
            error ? `Could not load values: ${error.message}` : undefined
          }
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {loading && <CircularProgress color="inherit" size={16} />}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
}
