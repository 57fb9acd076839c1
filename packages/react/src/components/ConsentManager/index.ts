export { ConsentManager, type ConsentManagerProps, type ConsentManagerSlot } from './ConsentManager.tsx';
export {
  EMPTY_CONSENT_FORM,
  useConsentManager,
  type ConsentFormValues,
  type ConsentManagerState,
  type ConsentScope,
  type UseConsentManagerOptions,
} from './useConsentManager.ts';
export { consentActionsFor, CONSENT_STATUS_AFTER, type ConsentAction, type ConsentStatus } from './consent-lifecycle.ts';
export { isSigned, signatureSvg, type SignatureStroke, type SignatureValue } from './signature.ts';
export { consentManagerMessages, type ConsentManagerMessages } from './messages.ts';
