// The GraphQL context is the request scope itself (src/scope/request-scope.ts): resolvers map it, they add nothing.
export type { RequestScope as Context } from '../scope/request-scope';
