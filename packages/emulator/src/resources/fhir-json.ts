/**
 * The checks a FHIR resource sent as JSON must pass (the 43 paths without simplified shapes, the passthrough, bulk
 * import, and every JSON Patch result). Without the full FHIR structure definitions this is the JSON grammar of
 * FHIR — the right resource type, well-formed element names, no nulls and no empty values — which catches the
 * mistakes a client actually makes, and reports them without quoting any value.
 */
import { ApiError, TENANT_TAG_SYSTEM, type ErrorIssue, type Resource } from '@clinikapi/core';

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_ISSUES = 20;

const issue = (path: string, rule: string): ErrorIssue => ({
  severity: 'error',
  code: 'invalid',
  diagnostics: path ? `${path}: ${rule}` : rule,
  ...(path ? { path } : {}),
});

function walk(value: unknown, path: string, issues: ErrorIssue[]): void {
  if (issues.length >= MAX_ISSUES) return;
  if (value === null) {
    issues.push(issue(path, 'Must not be null; leave the element out instead'));
  } else if (typeof value === 'string') {
    if (value.trim() === '') issues.push(issue(path, 'Must not be empty; leave the element out instead'));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push(issue(path, 'Must be a finite number'));
  } else if (Array.isArray(value)) {
    if (value.length === 0) issues.push(issue(path, 'Must not be an empty list; leave the element out instead'));
    value.forEach((item, index) => walk(item, `${path}.${index}`, issues));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) issues.push(issue(path, 'Must not be an empty object; leave the element out instead'));
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (key !== 'resourceType' && !ELEMENT_NAME.test(key)) {
        issues.push(issue(path, 'Contains an element name that is not valid FHIR'));
        continue;
      }
      walk(child, childPath, issues);
    }
  }
}

/** The problems of `value` as a FHIR resource of `resourceType`; empty when there are none. */
export function fhirResourceIssues(value: unknown, resourceType: string): ErrorIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [issue('', `Must be a FHIR ${resourceType} resource (a JSON object)`)];
  }
  const resource = value as Record<string, unknown>;
  const issues: ErrorIssue[] = [];
  if (resource.resourceType !== resourceType) issues.push(issue('resourceType', `Must be ${resourceType}`));
  if (resource.id !== undefined && (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id))) {
    issues.push(issue('id', 'Must be an id of letters, digits, "-" or "." (at most 64)'));
  }
  if (resource.meta !== undefined && (typeof resource.meta !== 'object' || resource.meta === null || Array.isArray(resource.meta))) {
    issues.push(issue('meta', 'Must be an object'));
  }
  walk(value, '', issues);
  return issues;
}

/** Throws 422 VALIDATION_ERROR unless `value` is a FHIR resource of `resourceType`. */
export function assertFhirResource(value: unknown, resourceType: string): Resource {
  const issues = fhirResourceIssues(value, resourceType);
  if (issues.length > 0) throw new ApiError('VALIDATION_ERROR', undefined, { issues });
  return value as Resource;
}

/**
 * The body as the client may set it: `meta.versionId` and `meta.lastUpdated` belong to the server, and so does
 * the tenant tag (any the caller sent is dropped; the server stamps its own).
 */
export function withoutServerFields(resource: Resource): Resource {
  const { meta, ...rest } = resource as Resource & { meta?: Record<string, unknown> };
  if (!meta) return rest as Resource;
  const {
    versionId: _versionId,
    lastUpdated: _lastUpdated,
    tag,
    ...keptMeta
  } = meta as {
    versionId?: string;
    lastUpdated?: string;
    tag?: { system?: string }[];
  };
  const tags = (tag ?? []).filter((entry) => entry.system !== TENANT_TAG_SYSTEM);
  const nextMeta = { ...keptMeta, ...(tags.length > 0 ? { tag: tags } : {}) };
  return (Object.keys(nextMeta).length > 0 ? { ...rest, meta: nextMeta } : rest) as Resource;
}
