/** The widgets' theme, chosen by the user and remembered on this device. */
import type { WidgetTheme } from '@clinikapi/react';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'clinik-demo-theme';
const THEMES: readonly { value: WidgetTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'glassmorphism', label: 'Glass' },
];

const ThemeContext = createContext<{ theme: WidgetTheme; setTheme(theme: WidgetTheme): void }>({
  theme: 'light',
  setTheme: () => undefined,
});

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<WidgetTheme>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    return THEMES.some((option) => option.value === saved) ? (saved as WidgetTheme) : 'light';
  });
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, theme);
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>;
}

export function useTheme(): WidgetTheme {
  return useContext(ThemeContext).theme;
}

export function ThemeSwitch() {
  const { theme, setTheme } = useContext(ThemeContext);
  return (
    <label className="demo-theme">
      Theme
      <select value={theme} onChange={(event) => setTheme(event.target.value as WidgetTheme)}>
        {THEMES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
