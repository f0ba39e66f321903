// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Measure } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { renderWithProviders } from '../dashboard/test-render';
import { EntryField } from './EntryField';
import { checkDraft, type Draft } from './entry-model';

afterEach(cleanup);

const poverty: Measure = {
  code: 'multidimensional_poverty_rate',
  name: 'Tỷ lệ hộ nghèo đa chiều',
  unit: '%',
  valueType: 'percent',
  min: 0,
  max: 100,
  levelsObserved: ['commune'],
  rollup: { kind: 'weighted_mean', weight: 'households' },
};

/** The field as the form uses it: the draft in state, checked against the saved value on every render. */
function Field({ saved, approved = false }: { saved: number | undefined; approved?: boolean }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(saved === undefined ? '' : String(saved).replace('.', ','));
  return (
    <EntryField
      measure={poverty}
      label="11 Tỷ lệ hộ nghèo đa chiều"
      draft={draft}
      check={checkDraft(poverty, draft, saved, t)}
      serverError={undefined}
      approved={approved}
      onChange={setDraft}
    />
  );
}

function type(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '11 Tỷ lệ hộ nghèo đa chiều' }), {
    target: { value: text },
  });
}

describe('EntryField', () => {
  it('tells what is wrong in Vietnamese as the user types, and marks the field invalid', () => {
    renderWithProviders(<Field saved={6.2} />);
    type('120');
    expect(screen.getByRole('alert').textContent).toBe('Giá trị phải không quá 100.');
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    type('1.234');
    expect(screen.getByRole('alert').textContent).toContain('có thể hiểu là 1234 hoặc 1,234');
  });

  it('accepts a decimal comma and marks the change as not yet saved', () => {
    renderWithProviders(<Field saved={6.2} />);
    expect(screen.queryByText('Chưa lưu')).toBeNull();
    type('4,8');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Chưa lưu').textContent).toBe('Chưa lưu');
    type('6,2');
    expect(screen.queryByText('Chưa lưu')).toBeNull();
  });

  it('says that changing an approved value is a correction', () => {
    renderWithProviders(<Field saved={6.2} approved />);
    expect(screen.getByText('Đã phê duyệt').textContent).toBe('Đã phê duyệt');
    type('5');
    expect(screen.getByText('Đính chính số liệu đã phê duyệt').textContent).toBe(
      'Đính chính số liệu đã phê duyệt',
    );
  });
});
