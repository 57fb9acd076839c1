/**
 * What every widget's headless hook takes, and its skin's props repeat (`ui/widget-props.ts` extends it): the
 * patient, and the callbacks told how a save ended. Access is not an option: hooks read it from `ClinikProvider`
 * (`useAccess`), the same for every widget on the page.
 */
import type { ClinikApiError } from '../client/errors.ts';

export interface WidgetHookOptions<TResult = never> {
  /** The patient the widget shows or records for. */
  readonly patientId: string;
  /** Called with the saved record after a successful save. */
  readonly onSuccess?: ((result: TResult) => void) | undefined;
  /** Called when a save fails (validation errors from the server included). */
  readonly onError?: ((error: ClinikApiError) => void) | undefined;
}

/** The options of a widget that only shows a patient's records: it saves nothing, so it takes no callbacks. */
export type ViewerHookOptions = Pick<WidgetHookOptions, 'patientId'>;
