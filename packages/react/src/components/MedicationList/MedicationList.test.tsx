import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { countRequests } from '../../test/requests.ts';
import { PatientRecordProvider } from '../PatientRecord/PatientRecordProvider.tsx';
import { MedicationList } from './MedicationList.tsx';

const region = () => screen.getByRole('region', { name: 'Medications' });
const names = () =>
  within(region())
    .getAllByRole('listitem')
    .map((item) => item.firstElementChild?.firstElementChild?.textContent);

describe('MedicationList', () => {
  it('lists what the patient takes now, newest first, with dosage and status', async () => {
    const { patientId } = await startWithClinicalRecord();
    const { container } = renderWithClient(<MedicationList patientId={patientId} />);

    expect(region().querySelector('[aria-busy="true"]')).toBeInTheDocument();
    expect(within(region()).getByText('Loading medications…')).toBeInTheDocument();
    await within(region()).findByText('Amlodipine 5mg tablet');
    expect(names()).toEqual(['Amlodipine 5mg tablet', 'Metformin 500mg tablet', 'Salbutamol 100mcg inhaler']);
    const amlodipine = within(region()).getAllByRole('listitem')[0] as HTMLElement;
    expect(amlodipine).toHaveTextContent('One tablet by mouth once daily');
    expect(amlodipine).toHaveTextContent(/Long-term · Prescribed Jan 10, 2025/);
    expect(amlodipine).toHaveTextContent('Active');
    expect(within(region()).getAllByRole('listitem')[2]).toHaveTextContent('On hold');
    expect(within(region()).getByRole('radio', { name: 'Active (3)' })).toBeChecked();
    await expectNoAxeViolations(container);
  });

  it('switches between current and past prescriptions with the keyboard alone', async () => {
    const { patientId } = await startWithClinicalRecord();
    const user = userEvent.setup();
    const { container } = renderWithClient(<MedicationList patientId={patientId} />);
    await within(region()).findByText('Amlodipine 5mg tablet');

    await user.tab();
    expect(within(region()).getByRole('radio', { name: 'Active (3)' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(region()).getByRole('radio', { name: 'Past (2)' })).toBeChecked();
    expect(names()).toEqual(['Amoxicillin 500mg capsule', 'Lisinopril 10mg tablet']);
    expect(within(region()).getAllByRole('listitem')[1]).toHaveTextContent('Stopped because: Dry cough');
    expect(region()).toHaveAttribute('data-filter', 'inactive');

    await user.keyboard('{ArrowRight}');
    expect(names()).toHaveLength(5);
    await expectNoAxeViolations(container);
  });

  it('says so when there are no medications, and when none match the filter', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const user = userEvent.setup();
    const { container } = renderWithClient(<MedicationList patientId={patientId} defaultFilter="inactive" />);
    expect(await within(region()).findByText('No past medications.')).toBeVisible();
    expect(within(region()).getByText('Prescriptions appear here once they are written.')).toBeVisible();
    await user.click(within(region()).getByRole('radio', { name: 'All (0)' }));
    expect(within(region()).getByText('No medications recorded.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('shows a failure with its reference, and recovers on retry', async () => {
    const { patientId } = await startWithClinicalRecord();
    mswServer.use(failing('GET', 'prescriptions', { times: 1, requestId: 'req_meds' }));
    const user = userEvent.setup();
    const { container } = renderWithClient(<MedicationList patientId={patientId} />);
    const alert = (await within(region()).findByText(/Medications could not be loaded/)).closest('[role="alert"]');
    expect(alert).toHaveTextContent('Medications could not be loaded. Something went wrong on the server.');
    expect(within(region()).getByText('Reference: req_meds')).toBeVisible();
    await expectNoAxeViolations(container);
    await user.click(within(region()).getByRole('button', { name: 'Try again' }));
    expect(await within(region()).findByText('Amlodipine 5mg tablet')).toBeVisible();
  });

  it('shares the patient record inside a PatientRecordProvider instead of searching', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    const { container } = renderWithClient(
      <PatientRecordProvider patientId={patientId} include={['prescriptions', 'encounters']}>
        <MedicationList patientId={patientId} headingLevel={3} />
      </PatientRecordProvider>,
    );
    await within(region()).findByText('Amlodipine 5mg tablet');
    expect(screen.getByRole('heading', { level: 3, name: 'Medications' })).toBeVisible();
    expect(requests.get('GET prescriptions')).toBeUndefined();
    expect(requests.get(`GET patients/${patientId}`)).toBe(1);
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, and takes wording, classes, a theme and unstyled', async () => {
    const { patientId } = await startWithClinicalRecord();
    render(<MedicationList proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Amlodipine 5mg tablet')).toBeVisible();

    renderWithClient(<MedicationList patientId={patientId} theme="dark" unstyled className="mine" classNames={{ list: 'my-list' }} />, {
      provider: { messages: { medicationList: { title: 'Current medicines' } } } as never,
    });
    const root = screen.getByRole('region', { name: 'Current medicines' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(await within(root).findByRole('list')).toHaveClass('my-list');
    expect(root).toHaveAttribute('data-status', 'ready');
  });
});
