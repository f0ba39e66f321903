export * from './maintenance';
export * from './obstacles';
export * from './responsibility';
export * from './worklist';
