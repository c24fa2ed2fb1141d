export { UserPool, type UserPoolOptions } from './userPool';
export { IdentityPool, type IdentityPoolOptions } from './identityPool';
