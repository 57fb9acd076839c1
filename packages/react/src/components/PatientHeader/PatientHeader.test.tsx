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
import { ageOf } from './patient-facts.ts';
import { PatientHeader } from './PatientHeader.tsx';

const NOW = Date.parse('2025-02-01T12:00:00Z');

describe('PatientHeader', () => {
  it('names the patient with age, sex, birth date, contact details and high-risk allergies first', async () => {
    const { patientId } = await startWithClinicalRecord({ lastName: 'Al-Sayed' });
    const { container } = renderWithClient(<PatientHeader patientId={patientId} now={NOW} />);
    expect(screen.getByText('Loading patient…')).toBeInTheDocument();

    const banner = await screen.findByRole('region', { name: 'Fatima Al-Sayed' });
    expect(within(banner).getByRole('heading', { level: 2, name: 'Fatima Al-Sayed' })).toBeVisible();
    expect(within(banner).getByText('55 years · Female · Born May 17, 1969')).toBeVisible();
    expect(within(banner).getByRole('link', { name: 'fatima.alsayed@example.org' })).toHaveAttribute(
      'href',
      'mailto:fatima.alsayed@example.org',
    );
    expect(within(banner).getByText('Arabic (preferred), English')).toBeVisible();
    const allergies = await within(banner).findByRole('group', { name: 'Allergies' });
    expect(
      within(allergies)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Penicillin (high risk)', 'Latex']);
    expect(allergies).toHaveAttribute('data-alert');
    await expectNoAxeViolations(container);
  });

  it('says when no allergies are recorded, and marks an inactive record', async () => {
    const { emulator, patientId } = await startWithClinicalRecord({ lastName: 'Tanaka', empty: true });
    await emulator.handleProxyRequest(
      new Request(`http://localhost${TEST_PROXY_URL}/patients/${patientId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ active: false }),
      }),
      TEST_PROXY_URL,
    );
    const { container } = renderWithClient(<PatientHeader patientId={patientId} now={NOW} />);
    const banner = await screen.findByRole('region', { name: 'Kenji Tanaka' });
    expect(within(banner).getByText('Inactive record')).toBeVisible();
    expect(await within(banner).findByText('No allergies recorded')).toBeVisible();
    expect(within(banner).getByText('Japanese (preferred)')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('reaches its actions and contact links with the keyboard', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const user = userEvent.setup();
    renderWithClient(<PatientHeader patientId={patientId} now={NOW} actions={<button type="button">Edit</button>} />);
    await screen.findByRole('region', { name: 'Amara Okafor' });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: '+1 512 555 0142' })).toHaveFocus();
    expect(screen.getByRole('link', { name: '+1 512 555 0142' })).toHaveAttribute('href', 'tel:+15125550142');
  });

  it('shows a failure with a retry', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    mswServer.use(failing('GET', 'patients/:id', { times: 1, code: 'UPSTREAM_UNAVAILABLE', requestId: 'req_hdr' }));
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientHeader patientId={patientId} showAllergies={false} />);
    const alert = (await screen.findByText(/The patient could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Reference: req_hdr');
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Amara Okafor' })).toBeVisible();
    expect(screen.queryByRole('group', { name: 'Allergies' })).not.toBeInTheDocument();
  });

  it('reads the shared record inside a PatientRecordProvider, works standalone, and takes styling props', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    const composed = renderWithClient(
      <PatientRecordProvider patientId={patientId} include={['allergies']}>
        <PatientHeader patientId={patientId} headingLevel={3} theme="dark" unstyled className="mine" classNames={{ name: 'my-name' }} />
      </PatientRecordProvider>,
    );
    const name = await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' });
    expect(name).toHaveClass('my-name');
    const banner = screen.getByRole('region', { name: 'Amara Okafor' });
    expect(banner).toHaveClass('mine');
    expect(banner).toHaveAttribute('data-theme', 'dark');
    expect(await within(banner).findByText('Penicillin')).toBeVisible();
    expect([...requests.keys()]).toEqual([`GET patients/${patientId}`]);
    composed.unmount();

    render(<PatientHeader proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Amara Okafor' })).toBeVisible();
  });
});

describe('ageOf', () => {
  it('counts whole years, months under two, days under a month', () => {
    expect(ageOf('1986-04-12', Date.parse('2025-04-11T23:00:00Z'))).toEqual({ value: 38, unit: 'year' });
    expect(ageOf('1986-04-12', Date.parse('2025-04-12T00:00:00Z'))).toEqual({ value: 39, unit: 'year' });
    expect(ageOf('2024-01-20', Date.parse('2025-02-01T00:00:00Z'))).toEqual({ value: 12, unit: 'month' });
    expect(ageOf('2025-01-20', Date.parse('2025-02-01T00:00:00Z'))).toEqual({ value: 12, unit: 'day' });
    expect(ageOf(undefined, 0)).toBeUndefined();
  });
});
