import type { MeasureValue, Recognition, TargetMetric, Unit } from '@ntm/core';
import type { DemoRegistration, DemoTask } from './plans';

export type { TargetMetric };

export interface DemoDirective {
  id: string;
  number: string;
  date: string;
  issuer: string;
  title: string;
  summary: string;
  isDemo: true;
}

export interface DemoTarget {
  id: string;
  year: number;
  scopeUnitId: string;
  metric: TargetMetric;
  value: number;
  label: string;
  directiveId: string;
  note: string | null;
}

export interface DemoDataset {
  units: Unit[];
  /** Status 'approved' for 2019–2020, mixed for later years. */
  values: MeasureValue[];
  recognitions: Recognition[];
  directive: DemoDirective;
  targets: DemoTarget[];
  /** The directive's tasks and the districts' 2021 registrations with the province's decisions. */
  tasks: DemoTask[];
  registrations: DemoRegistration[];
}
