/**
 * Cliniko requires `User-Agent: APP_VENDOR_NAME (APP_VENDOR_EMAIL)`. None at all was answered `Requires a user agent`
 * (2017; status undocumented, 403 here by default). One without a contact email "may be blocked": accepted unless the
 * emulator is told to refuse it too.
 */
import type { ClinikoBehaviour } from './scope.ts';
import { ClinikoError } from '../errors.ts';

const CONTACT = /\(\s*[^\s()@]+@[^\s()@]+\.[^\s()@]+\s*\)/;

export function checkUserAgent(userAgent: string | null, behaviour: ClinikoBehaviour): void {
  if (!userAgent || userAgent.trim() === '') throw new ClinikoError(behaviour.userAgentStatus, 'Requires a user agent');
  if (behaviour.requireUserAgentEmail && !CONTACT.test(userAgent)) {
    throw new ClinikoError(
      behaviour.userAgentStatus,
      'Requires a user agent naming your app and a contact email: "My app (dev@example.com)"',
    );
  }
}
