/** Code system URIs used by the widgets' suggestion lists. */
export const CODE_SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  route: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  site: 'http://terminology.hl7.org/CodeSystem/v3-ActSite',
  diagnosticService: 'http://terminology.hl7.org/CodeSystem/v2-0074',
} as const;
