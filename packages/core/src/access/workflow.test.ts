import { describe, expect, it } from 'vitest';
import type { ValueStatus } from '../values/value';
import type { Role } from './roles';
import { decideEdit, decideWorkflow, type WorkflowAction } from './workflow';

const actor = (role: Role, inScope = true, username = 'nguoi-duyet') => ({ role, inScope, username });
const item = (status: ValueStatus, submittedBy: string | null = 'nguoi-nhap') => ({ status, submittedBy });

describe('value workflow', () => {
  it('moves draft → submitted → verified → approved and returns to draft', () => {
    expect(decideWorkflow('submit', item('draft'), actor('commune'), null)).toEqual({
      ok: true,
      next: 'submitted',
    });
    expect(decideWorkflow('verify', item('submitted'), actor('district'), null)).toEqual({
      ok: true,
      next: 'verified',
    });
    expect(decideWorkflow('approve', item('verified'), actor('province_admin'), null)).toEqual({
      ok: true,
      next: 'approved',
    });
    expect(decideWorkflow('return', item('verified'), actor('province_admin'), 'Sai đơn vị tính')).toEqual({
      ok: true,
      next: 'draft',
    });
  });

  it('refuses every step from a status it does not start from', () => {
    const starts: Record<WorkflowAction, ValueStatus[]> = {
      submit: ['draft'],
      verify: ['submitted'],
      approve: ['verified'],
      return: ['submitted', 'verified'],
    };
    for (const [action, ok] of Object.entries(starts) as [WorkflowAction, ValueStatus[]][]) {
      for (const status of ['draft', 'submitted', 'verified', 'approved'] as const) {
        const decision = decideWorkflow(action, item(status), actor('province_admin'), 'lý do đầy đủ');
        expect(decision.ok, `${action} from ${status}`).toBe(ok.includes(status));
        if (!decision.ok) expect(decision.kind).toBe('invalid_transition');
      }
    }
  });

  it('keeps each step to its roles and area, and says why', () => {
    const refused = decideWorkflow('approve', item('verified'), actor('district'), null);
    expect(refused).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decideWorkflow('verify', item('submitted'), actor('commune'), null)).toMatchObject({ ok: false });
    expect(decideWorkflow('submit', item('draft'), actor('leader'), null)).toMatchObject({ ok: false });
    const outside = decideWorkflow('verify', item('submitted'), actor('district', false), null);
    expect(outside).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!outside.ok) expect(outside.message).toContain('ngoài phạm vi');
  });

  it('does not let the submitter verify their own entry', () => {
    const own = decideWorkflow('verify', item('submitted', 'ba'), actor('district', true, 'ba'), null);
    expect(own).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('requires a reason to return', () => {
    expect(decideWorkflow('return', item('submitted'), actor('district'), null)).toMatchObject({
      ok: false,
      kind: 'reason_required',
    });
    expect(decideWorkflow('return', item('submitted'), actor('district'), '   ab  ')).toMatchObject({
      ok: false,
    });
  });
});

describe('editing a value', () => {
  it('edits drafts and submitted values in place', () => {
    expect(decideEdit('draft', null)).toEqual({ ok: true, correction: false });
    expect(decideEdit('submitted', null)).toEqual({ ok: true, correction: false });
  });

  it('locks verified values and approved ones unless corrected with a reason', () => {
    expect(decideEdit('verified', { reason: 'đính chính số liệu' })).toMatchObject({ ok: false });
    expect(decideEdit('approved', null)).toMatchObject({ ok: false, kind: 'invalid_transition' });
    expect(decideEdit('approved', { reason: '' })).toMatchObject({ ok: false, kind: 'reason_required' });
    expect(decideEdit('approved', { reason: 'Điều tra lại hộ nghèo' })).toEqual({
      ok: true,
      correction: true,
    });
  });
});
