/** The clinic the Cliniko emulator seeds for the demo. */
export const CLINIKO_CLINIC = 'Harbourside Allied Health';
