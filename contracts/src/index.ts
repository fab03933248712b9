// Contracts shared by the server and the web console: zod schemas and the types they yield.
export * from './errors';
export * from './common';
export * from './roles';
export * from './auth';
export * from './organisations';
export * from './missions';
export * from './users';
export * from './audit';
export * from './people';
export * from './imports';
export * from './crises';
export * from './hazards';
export * from './geo';
