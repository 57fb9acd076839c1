import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createPortal } from 'react-dom';
import { describe, expect, it } from 'vitest';
import { usePatients } from '../../hooks/resources/patients.ts';
import { useClinikClient } from '../../provider/context.ts';
import { ClinikProvider } from '../../provider/ClinikProvider.tsx';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { useAnnounce } from './announcer.ts';
import { PortalRoot } from './PortalRoot.tsx';
import { WidgetProvider } from './WidgetProvider.tsx';
import { WidgetRoot } from './WidgetRoot.tsx';

function PatientCount() {
  const patients = usePatients({ count: 1 });
  return <p>{patients.data ? `${patients.data.total} patients` : 'loading'}</p>;
}

function ProxyOf() {
  return <p>proxy {useClinikClient().proxyUrl}</p>;
}

describe('WidgetProvider', () => {
  it('lets a widget work on its own with just proxyUrl', async () => {
    await startTestEmulator();
    render(
      <WidgetProvider proxyUrl={TEST_PROXY_URL}>
        <PatientCount />
      </WidgetProvider>,
    );
    expect(await screen.findByText('20 patients')).toBeInTheDocument();
  });

  it('shares the surrounding provider for the same proxy, and gets its own for another', () => {
    const queryClient = new QueryClient();
    render(
      <ClinikProvider proxyUrl="/api/clinik" queryClient={queryClient}>
        <WidgetProvider proxyUrl="/api/clinik/">
          <ProxyOf />
        </WidgetProvider>
        <WidgetProvider proxyUrl="/other-proxy">
          <ProxyOf />
        </WidgetProvider>
        <WidgetProvider proxyUrl={undefined}>
          <ProxyOf />
        </WidgetProvider>
      </ClinikProvider>,
    );
    expect(screen.getAllByText(/^proxy /).map((node) => node.textContent)).toEqual([
      'proxy /api/clinik',
      'proxy /other-proxy',
      'proxy /api/clinik',
    ]);
  });

  it('refuses a proxyUrl on another origin', () => {
    expect(() =>
      render(
        <WidgetProvider proxyUrl="https://evil.example/api">
          <ProxyOf />
        </WidgetProvider>,
      ),
    ).toThrow(/proxyUrl must be a path on this site/);
  });
});

function AnnounceButton() {
  const announce = useAnnounce();
  return (
    <button type="button" onClick={() => announce('Vitals saved.')}>
      Save
    </button>
  );
}

describe('WidgetRoot', () => {
  it('scopes the styles, sets the theme and exposes state as data attributes', () => {
    render(
      <WidgetRoot widget="VitalsWidget" theme="dark" className="mine" state={{ status: 'saving', dirty: true, empty: false }}>
        <h2>Vitals</h2>
      </WidgetRoot>,
    );
    const root = screen.getByText('Vitals').closest('section') as HTMLElement;
    expect(root).toHaveClass('ck-root', 'ck-VitalsWidget', 'mine');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-status', 'saving');
    expect(root).toHaveAttribute('data-dirty', '');
    expect(root).not.toHaveAttribute('data-empty');
  });

  it('drops its classes when unstyled', () => {
    render(
      <WidgetRoot widget="VitalsWidget" unstyled className="mine">
        <h2>Vitals</h2>
      </WidgetRoot>,
    );
    expect(screen.getByText('Vitals').closest('section')).toHaveAttribute('class', 'mine');
  });

  it.each([
    ['styled', false, 'ck-root ck-ConsentManager'],
    ['unstyled', true, null],
  ] as const)('gives what it renders in a portal its scope and theme (%s)', (_case, unstyled, classes) => {
    render(
      <WidgetRoot widget="ConsentManager" theme="dark" unstyled={unstyled} className="mine">
        <h2>Consents</h2>
        {createPortal(
          <PortalRoot>
            <div role="dialog" aria-label="Sign consent" />
          </PortalRoot>,
          document.body,
        )}
      </WidgetRoot>,
    );
    const portalRoot = screen.getByRole('dialog', { name: 'Sign consent' }).parentElement as HTMLElement;
    expect(portalRoot.closest('section')).toBeNull();
    expect(portalRoot.getAttribute('class')).toBe(classes);
    expect(portalRoot).toHaveAttribute('data-theme', 'dark');
    // The app's class for the widget root stays on the widget root: a dialog gets `classNames.dialog` instead.
    expect(portalRoot).not.toHaveClass('mine');
  });

  it('announces async results in a polite live region that exists from the start', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <WidgetRoot widget="Test" labelledBy="title">
        <h2 id="title">Test widget</h2>
        <AnnounceButton />
      </WidgetRoot>,
    );
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(region).toHaveTextContent('Vitals saved.');
    expect(screen.getByRole('region', { name: 'Test widget' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
