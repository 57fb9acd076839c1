// Kept at this path for the modules that import it from here; the patient hooks live in ./resources/patients.ts.
export { usePatients } from './resources/patients.ts';
