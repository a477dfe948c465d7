export * from './text.js';
export * from './units.js';
export * from './population.js';
export * from './roles.js';
export * from './dates.js';
export * from './identity.js';
export * from './people.js';
