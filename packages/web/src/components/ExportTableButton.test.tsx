// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../pages/dashboard/test-render';
import { ExportTableButton, exportSubtitle } from './ExportTableButton';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExportTableButton', () => {
  it('sends the table as shown, typed and demo-labelled, and saves the answer under its file name', async () => {
    const fetch = vi.fn(async () => new Response(new Blob(['xlsx']), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const saved: string[] = [];
    URL.createObjectURL = () => 'blob:table';
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const rows = vi.fn(() => [['Xã A', 19, '2021-03-12']]);
    renderWithProviders(
      <ExportTableButton
        title="Xã gần đạt chuẩn"
        subtitle={exportSubtitle('Tỉnh Demo', 'Năm 2021', false, '', null)}
        columns={['Xã', { header: 'Số tiêu chí đạt', type: 'integer' }, { header: 'Ngày', type: 'date' }]}
        rows={rows}
        demo
        fileName="xa-gan-dat-chuan_2021"
      />,
    );
    expect(rows).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Tải .xlsx' }));
    await waitFor(() => expect(saved).toEqual(['xa-gan-dat-chuan_2021.xlsx']));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/reports/table');
    expect(JSON.parse(String(init.body))).toEqual({
      title: 'Xã gần đạt chuẩn',
      subtitle: 'Tỉnh Demo · Năm 2021',
      columns: ['Xã', { header: 'Số tiêu chí đạt', type: 'integer' }, { header: 'Ngày', type: 'date' }],
      rows: [['Xã A', 19, '2021-03-12']],
      demo: true,
    });
  });
});
