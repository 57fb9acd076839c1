import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { VitalsChart } from './VitalsChart.tsx';

const region = () => screen.getByRole('region', { name: 'Vital sign trends' });
const chartOf = (name: string) => within(region()).getByRole('region', { name });
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('VitalsChart', () => {
  it('draws a trend per vital with the range shaded and out-of-range readings marked', async () => {
    const { patientId } = await startWithClinicalRecord();
    const { container } = renderWithClient(<VitalsChart patientId={patientId} />);
    expect(within(region()).getByText('Loading vital signs…')).toBeInTheDocument();

    await within(region()).findByRole('region', { name: 'Heart rate' });
    expect(
      within(region())
        .getAllByRole('region')
        .map((chart) => chart.getAttribute('data-vital')),
    ).toEqual(['heartRate', 'bloodPressure', 'temperature', 'respiratoryRate', 'oxygenSaturation', 'weight']);
    const pressure = chartOf('Blood pressure');
    expect(within(pressure).getByText('142/92 mmHg')).toBeVisible();
    expect(within(pressure).getByText('Systolic High ↑')).toBeVisible();
    expect(
      within(pressure).getByText(
        /6 readings from Jun 3, 2024 to Jan 10, 2025; latest 142\/92 mmHg\. Reference range: 90–120 mmHg\. 9 outside the reference range\./,
      ),
    ).toBeInTheDocument();

    // The chart module arrives on its own, after the data.
    // The first import of the chart module is slow in tests: recharts is transformed on demand.
    await waitFor(() => expect(pressure.querySelector('svg.recharts-surface')).toBeInTheDocument(), { timeout: 10_000 });
    expect(pressure.querySelector('[data-chart]')).toHaveAttribute('aria-hidden', 'true');
    expect(pressure.querySelectorAll('.ck-VitalsTrendChart-range')).toHaveLength(2);
    expect(pressure.querySelectorAll('path.ck-VitalsTrendChart-outOfRange')).toHaveLength(9);
    const heart = chartOf('Heart rate');
    await waitFor(() => expect(heart.querySelectorAll('path.ck-VitalsTrendChart-outOfRange')).toHaveLength(1));
    expect(heart.querySelector('path.ck-VitalsTrendChart-outOfRange')).toHaveAttribute('data-flag', 'H');
    expect(heart.querySelectorAll('circle.ck-VitalsTrendChart-dot')).toHaveLength(5);
    await expectNoAxeViolations(container);
  });

  it('gives screen readers every reading as a table, and shows the tables on request by keyboard', async () => {
    const { patientId } = await startWithClinicalRecord();
    const user = userEvent.setup();
    const { container } = renderWithClient(<VitalsChart patientId={patientId} vitals={['bloodPressure', 'temperature']} />);
    const table = await within(region()).findByRole('table', { name: 'Readings of Blood pressure' });
    expect(within(region()).getAllByRole('region')).toHaveLength(2);
    expect(table.parentElement).toHaveClass('ck-visually-hidden');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Taken', 'Systolic (mmHg)', 'Diastolic (mmHg)', 'Flag']);
    const rows = bodyRows(table);
    expect(rows).toHaveLength(6);
    expect(rows[0]?.slice(1)).toEqual(['142', '92', 'Systolic: High ↑, Diastolic: High ↑']);
    expect(rows[5]?.slice(1)).toEqual(['118', '76', '']);
    expect(bodyRows(within(region()).getByRole('table', { name: 'Readings of Temperature' }))[3]?.slice(1)).toEqual(['38.4', 'High ↑']);

    await user.tab();
    const toggle = within(region()).getByRole('checkbox', { name: 'Show readings as tables' });
    expect(toggle).toHaveFocus();
    await user.keyboard(' ');
    expect(table.parentElement).toHaveClass('ck-VitalsChart-tableWrap');
    expect(region()).toHaveAttribute('data-tables', '');
    await expectNoAxeViolations(container);
  });

  it('is empty when the patient has no vitals, and shows a failure with a retry', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const empty = renderWithClient(<VitalsChart patientId={patientId} />);
    expect(await within(region()).findByText('No vital signs recorded.')).toBeVisible();
    await expectNoAxeViolations(empty.container);
    empty.unmount();

    mswServer.use(http.get(`${TEST_PROXY_URL}/observations`, () => errorAnswer('RATE_LIMITED', { requestId: 'req_vit' })));
    const { container } = renderWithClient(<VitalsChart patientId={patientId} />);
    const alert = (await within(region()).findByText(/Vital signs could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Too many requests.');
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, in another locale, and takes classes, a theme and unstyled', async () => {
    const { patientId } = await startWithClinicalRecord();
    render(<VitalsChart proxyUrl={TEST_PROXY_URL} patientId={patientId} vitals={['temperature']} />);
    expect(await screen.findByText('36.9 °C')).toBeVisible();

    renderWithClient(
      <VitalsChart
        patientId={patientId}
        vitals={['temperature']}
        theme="dark"
        unstyled
        className="mine"
        classNames={{ chart: 'my-chart' }}
      />,
      {
        provider: { locale: 'de-DE', messages: { vitalsChart: { title: 'Vitalwerte', temperature: 'Temperatur' } } } as never,
      },
    );
    const root = screen.getByRole('region', { name: 'Vitalwerte' });
    expect(await within(root).findByText('36,9 °C')).toBeVisible();
    expect(within(root).getByRole('region', { name: 'Temperatur' })).toHaveClass('my-chart');
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('data-theme', 'dark');
  });
});
