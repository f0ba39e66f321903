export * from './department';
export * from './lockout';
export * from './password-policy';
export * from './roles';
export * from './scope';
export * from './workflow';
