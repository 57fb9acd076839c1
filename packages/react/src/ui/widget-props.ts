/** The props every clinical widget shares, as the official widget pages document them plus our additions. */
import type { WidgetHookOptions } from '../headless/widget-hook-options.ts';
import type { StylingProps } from './slots.ts';
import type { WidgetTheme } from './theme/theme.ts';

export interface WidgetProps<Slot extends string, TResult> extends StylingProps<Slot>, WidgetHookOptions<TResult> {
  /**
   * Your backend's proxy mount, e.g. `/api/clinik` (or `demo`). Optional inside a `ClinikProvider`, whose client
   * the widget then shares.
   */
  readonly proxyUrl?: string;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /**
   * List the patient's existing records above the form (recording widgets with a viewer of the same records:
   * VitalsWidget, LabResultsWidget, PrescriptionForm, PrescriptionWidget). Default true; false when the page shows
   * them already (a MedicationList, LabResults or VitalsChart beside it), so nothing is listed twice and nothing is
   * fetched for it.
   */
  readonly showRecords?: boolean;
}
