export * from './account-rules.js';
export * from './countries.js';
export * from './locales.js';
export * from './time-zones.js';
export * from './date-format.js';
export * from './text-rules.js';
export * from './zone-names.js';
export * from './api-paths.js';
