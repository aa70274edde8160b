// Pure: the domain's public surface (rules R1–R12 over plain facts); import the domain through this file.
export * from './vocabulary';
export * from './facts';
export * from './verdict';
export * from './errors';
export * from './interval';
export * from './order';
export * from './describe';
export * from './team';
export * from './portfolio';
export * from './acting';
export * from './direction';
export * from './search';
export * from './coverage';
export * from './matrix';
export * from './history';
