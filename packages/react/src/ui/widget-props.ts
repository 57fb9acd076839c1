/** The props every clinical widget shares, as the official widget pages document them plus our additions. */
import type { ClinikApiError } from '../client/errors.ts';
import type { StylingProps } from './slots.ts';
import type { WidgetTheme } from './theme/theme.ts';

export interface WidgetProps<Slot extends string, TResult> extends StylingProps<Slot> {
  /**
   * Your backend's proxy mount, e.g. `/api/clinik` (or `demo`). Optional inside a `ClinikProvider`, whose client
   * the widget then shares.
   */
  readonly proxyUrl?: string;
  /** The patient the widget records for. */
  readonly patientId: string;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /** Called with the saved record after a successful save. */
  readonly onSuccess?: (result: TResult) => void;
  /** Called when a save fails (validation errors from the server included). */
  readonly onError?: (error: ClinikApiError) => void;
  /**
   * List the patient's existing records above the form (recording widgets with a viewer of the same records:
   * VitalsWidget, LabResultsWidget, PrescriptionForm, PrescriptionWidget). Default true; false when the page shows
   * them already (a MedicationList, LabResults or VitalsChart beside it), so nothing is listed twice and nothing is
   * fetched for it.
   */
  readonly showRecords?: boolean;
}
