// @vitest-environment node
/** Server rendering: no `window`, no `document`, no request made while rendering. */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

describe('server rendering', () => {
  it('imports and renders the provider, hooks and a widget without a browser', async () => {
    expect(typeof window).toBe('undefined');
    const fetchSpy = vi.fn<typeof fetch>();
    const { ClinikProvider, PatientList, usePatient, usePatientRecord, useCreatePatient } = await import('../index.ts');

    function Chart(): string {
      const patient = usePatient('p1');
      const record = usePatientRecord('p1', { include: ['observations'] });
      useCreatePatient();
      return `${patient.status}/${record.status}`;
    }
    const html = renderToString(
      <ClinikProvider proxyUrl="https://clinic.example/api/clinik" fetch={fetchSpy}>
        <Chart />
        <PatientList />
      </ClinikProvider>,
    );
    expect(html).toContain('pending/pending');
    expect(html).toContain('Loading patients…');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('renders demo mode on the server with nothing fetched yet', async () => {
    const { ClinikProvider, usePatients } = await import('../index.ts');
    function Count(): string {
      return String(usePatients().data?.total ?? 'none');
    }
    expect(
      renderToString(
        <ClinikProvider proxyUrl="demo">
          <Count />
        </ClinikProvider>,
      ),
    ).toBe('none');
  });
});
