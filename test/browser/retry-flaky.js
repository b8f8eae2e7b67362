import { jest } from '@jest/globals';

// A story that fails is run again, up to twice, with its first error printed: on a loaded 2-core CI
// machine a few stories have failed once in a while on a control that did not take a click right after a
// page arrived (known, under investigation). A real fault fails all three runs and still fails CI.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
