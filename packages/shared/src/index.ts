export * from './account-rules.js';
export * from './countries.js';
export * from './locales.js';
export * from './time-zones.js';
export * from './zone-names.js';
export * from './session-time.js';
export * from './text-rules.js';
