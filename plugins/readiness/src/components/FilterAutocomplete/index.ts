export { FilterAutocomplete } from './FilterAutocomplete';
