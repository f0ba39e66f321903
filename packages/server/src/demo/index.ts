export { buildDemoDataset, type DemoSummary, NEW_VALUE_YEAR, summariseDemoDataset } from './dataset';
export { DEMO_ISSUER, DEMO_SET_IDS } from './recognitions';
export type { DemoDataset, DemoDirective, DemoTarget, TargetMetric } from './types';
