/** The page frame both apps share: brand, navigation, theme switch, who is signed in. */
import type { ReactNode } from 'react';
import type { DemoUser } from './auth-api.ts';
import { Link } from './router.tsx';
import { ThemeSwitch } from './theme.tsx';

interface ShellProps {
  /** The clinic's name in the header. Default: the ClinikAPI demo's clinic. */
  readonly brand?: string;
  readonly user: DemoUser;
  readonly onSignOut: () => void;
  readonly nav: readonly { to: string; label: string }[];
  readonly children: ReactNode;
}

export function Shell({ brand = 'Riverside Family Clinic', user, onSignOut, nav, children }: ShellProps) {
  return (
    <div className="demo-shell">
      <a className="demo-skip" href="#main">
        Skip to content
      </a>
      <header className="demo-header">
        <p className="demo-brand">{brand}</p>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="demo-user">
          <ThemeSwitch />
          <span>
            Signed in as <strong>{user.name}</strong>
          </span>
          <button type="button" className="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="demo-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
