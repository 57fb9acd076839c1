/** The looks a widget can take; `inherit` follows an app's own shadcn/ui tokens (`--primary`, `--border`, …). */
export type WidgetTheme = 'light' | 'dark' | 'glassmorphism' | 'inherit';

export const WIDGET_THEMES: readonly WidgetTheme[] = ['light', 'dark', 'glassmorphism', 'inherit'];
