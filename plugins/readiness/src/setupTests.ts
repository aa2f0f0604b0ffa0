import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages with Material UI tables and dialogs take seconds to query by role in
// jsdom, more so when suites run in parallel.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);
