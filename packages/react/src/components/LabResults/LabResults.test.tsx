import type { Observation } from '@clinikapi/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { createRecord } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { countRequests } from '../../test/requests.ts';
import { PatientRecordProvider } from '../PatientRecord/PatientRecordProvider.tsx';
import { flagOf } from './lab-flags.ts';
import { LabResults } from './LabResults.tsx';

const region = () => screen.getByRole('region', { name: 'Lab results' });
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('LabResults', () => {
  it('shows the latest report open, with values, units, ranges and flags', async () => {
    const { patientId } = await startWithClinicalRecord();
    const { container } = renderWithClient(<LabResults patientId={patientId} />);
    expect(within(region()).getByText('Loading lab results…')).toBeInTheDocument();

    const xray = await within(region()).findByRole('button', { name: 'Chest X-ray 2 views' });
    const lipids = within(region()).getByRole('button', { name: 'Lipid panel' });
    expect(within(region()).getAllByRole('button', { expanded: true })).toEqual([xray]);
    expect(within(region()).getByText('Ordered')).toBeVisible();
    expect(within(region()).getByText('No results yet.')).toBeVisible();
    expect(lipids).toHaveAttribute('aria-expanded', 'false');

    await userEvent.setup().click(lipids);
    const table = await within(region()).findByRole('table', { name: 'Results of Lipid panel' });
    expect(rowsOf(table)).toEqual([
      ['Cholesterol, total', '6.4 mmol/L', '< 5.2 mmol/L', 'H ↑High'],
      ['LDL cholesterol', '4.3 mmol/L', '< 3 mmol/L', 'H ↑High'],
      ['HDL cholesterol', '0.8 mmol/L', '> 1 mmol/L', 'L ↓Low'],
      ['Triglycerides', '1.6 mmol/L', '0–1.7 mmol/L', 'Normal'],
    ]);
    expect(within(region()).getByText('3 abnormal')).toBeVisible();
    expect(within(region()).getByText(/Raised LDL; start statin discussion\./)).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('marks critical results and the reports that hold them', async () => {
    const { patientId } = await startWithClinicalRecord();
    const user = userEvent.setup();
    const { container } = renderWithClient(<LabResults patientId={patientId} defaultExpanded="all" />);
    const table = await within(region()).findByRole('table', { name: 'Results of Comprehensive metabolic panel' });
    // The table is drawn while its results are still arriving.
    await within(table).findByRole('rowheader', { name: 'Potassium' });
    expect(rowsOf(table)).toEqual([
      ['Potassium', '6.6 mmol/L', '3.5–5.1 mmol/L', 'HH ⇈Critically high'],
      ['Sodium', '138 mmol/L', '135–145 mmol/L', 'Normal'],
      ['Hemoglobin A1c', '7.4 %', '4–5.6 %', 'H ↑High'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Potassium' }).closest('tr')).toHaveAttribute('data-critical');
    expect(within(region()).getByText('2 abnormal · 1 critical')).toBeVisible();
    expect(region()).toHaveAttribute('data-critical');
    await user.click(within(region()).getByRole('button', { name: 'Comprehensive metabolic panel' }));
    expect(within(region()).queryByRole('table', { name: 'Results of Comprehensive metabolic panel' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('opens and closes reports with the keyboard alone', async () => {
    const { patientId } = await startWithClinicalRecord();
    const user = userEvent.setup();
    renderWithClient(<LabResults patientId={patientId} />);
    await within(region()).findByRole('button', { name: 'Chest X-ray 2 views' });

    await user.tab();
    expect(within(region()).getByRole('button', { name: 'Chest X-ray 2 views' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(region()).getByRole('button', { name: 'Chest X-ray 2 views' })).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    await user.keyboard(' ');
    expect(within(region()).getByRole('button', { name: 'Lipid panel' })).toHaveAttribute('aria-expanded', 'true');
    expect(await within(region()).findByRole('table', { name: 'Results of Lipid panel' })).toBeVisible();
  });

  it('reads by id a result the observation search does not have yet', async () => {
    const { emulator, patientId } = await startWithClinicalRecord({ empty: true });
    const result = await createRecord<Observation>(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'laboratory',
      code: 'Ferritin',
      effectiveDateTime: '2025-01-02T08:00:00Z',
      valueQuantity: { value: 9, unit: 'ug/L' },
      referenceRange: { low: { value: 15, unit: 'ug/L' }, high: { value: 200, unit: 'ug/L' } },
    });
    await createRecord(emulator, 'labs', {
      patientId,
      status: 'final',
      code: 'Iron studies',
      category: 'LAB',
      effectiveDateTime: '2025-01-02T08:00:00Z',
      resultIds: [result.id],
    });
    // The search index has not caught up with the observation.
    mswServer.use(http.get(`${TEST_PROXY_URL}/observations`, () => HttpResponse.json({ data: { data: [], total: 0, hasMore: false } })));
    const requests = countRequests();
    const { container } = renderWithClient(<LabResults patientId={patientId} />);

    const table = await within(region()).findByRole('table', { name: 'Results of Iron studies' });
    expect(await within(table).findByRole('rowheader', { name: 'Ferritin' })).toBeVisible();
    expect(rowsOf(table)).toEqual([['Ferritin', '9 ug/L', '15–200 ug/L', 'L ↓Low']]);
    expect(requests.get(`GET observations/${result.id}`)).toBe(1);
    await expectNoAxeViolations(container);
  });

  it('says so when there are no reports, and shows failures with a retry', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const empty = renderWithClient(<LabResults patientId={patientId} />);
    expect(await within(region()).findByText('No lab reports yet.')).toBeVisible();
    await expectNoAxeViolations(empty.container);
    empty.unmount();

    mswServer.use(failing('GET', 'labs', { times: 1, requestId: 'req_labs', status: 503 }));
    const user = userEvent.setup();
    const { container } = renderWithClient(<LabResults patientId={patientId} />);
    const alert = (await within(region()).findByText(/Lab results could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Reference: req_labs');
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(region()).findByText('No lab reports yet.')).toBeVisible();
  });

  it('shares the patient record, works standalone, and takes wording, classes and unstyled', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    renderWithClient(
      <PatientRecordProvider patientId={patientId} include={['labs', 'observations']}>
        <LabResults patientId={patientId} limit={1} unstyled className="mine" classNames={{ table: 'my-table' }} />
      </PatientRecordProvider>,
      { provider: { messages: { labResults: { title: 'Pathology' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Pathology' });
    await within(root).findByRole('button', { name: 'Chest X-ray 2 views' });
    expect(within(root).queryByRole('button', { name: 'Lipid panel' })).not.toBeInTheDocument();
    await userEvent.setup().click(within(root).getByRole('button', { name: 'Show all (3)' }));
    await userEvent.setup().click(within(root).getByRole('button', { name: 'Lipid panel' }));
    expect(within(root).getByRole('table', { name: 'Results of Lipid panel' })).toHaveClass('my-table');
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect([...requests.keys()].filter((key) => key.startsWith('GET labs') || key.startsWith('GET observations'))).toEqual([]);

    render(<LabResults proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByRole('region', { name: 'Lab results' })).toBeVisible();
  });
});

describe('flagOf', () => {
  it('prefers the laboratory’s interpretation and works out H, L and N from the range otherwise', () => {
    const range = [{ low: { value: 3.5 }, high: { value: 5.1 } }];
    expect(flagOf({ valueQuantity: { value: 2.1 }, referenceRange: range, interpretation: [{ coding: [{ code: 'LL' }] }] })).toBe('LL');
    expect(flagOf({ valueQuantity: { value: 5.2 }, referenceRange: range })).toBe('H');
    expect(flagOf({ valueQuantity: { value: 3.4 }, referenceRange: range })).toBe('L');
    expect(flagOf({ valueQuantity: { value: 4 }, referenceRange: range })).toBe('N');
    expect(flagOf({ valueQuantity: { value: 4 } })).toBeUndefined();
    expect(flagOf({ interpretation: [{ coding: [{ code: 'HU' }] }] })).toBe('H');
  });
});
