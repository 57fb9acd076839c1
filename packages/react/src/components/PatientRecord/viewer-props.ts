/** The props every record viewer shares: where it reads from, whose record, and how it looks. */
import type { StylingProps } from '../../ui/slots.ts';
import type { WidgetTheme } from '../../ui/theme/theme.ts';
import type { HeadingLevel } from './Heading.tsx';

export interface ViewerProps<Slot extends string> extends StylingProps<Slot> {
  /**
   * Your backend's proxy mount, e.g. `/api/clinik` (or `demo`). Optional inside a `ClinikProvider`, whose client
   * the viewer then shares.
   */
  readonly proxyUrl?: string;
  /** The patient whose records are shown. */
  readonly patientId: string;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /**
   * Level of the viewer's heading, so it fits the page's outline. Default 2 (3 inside PatientDashboard); a page
   * whose title is the patient can give PatientHeader 1.
   */
  readonly headingLevel?: HeadingLevel;
}
