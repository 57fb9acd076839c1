/**
 * The example policies as the READMEs print them — the ones users copy — turned into live policies, and an oracle
 * that says what each of their roles may read, worked out from the grant lists alone (not by asking the policy).
 * Each `policy: roles(...)` expression of a README is cut out, stripped of its TypeScript, and evaluated with the
 * proxy's builders in scope; spies on the builders record what the expression granted.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { allOf, type Policy } from '../src/policy/policy.ts';
import { patientCompartment, type PatientCompartmentOptions } from '../src/policy/patient-compartment.ts';
import { grants, roles, type RoleGrants } from '../src/policy/roles.ts';

/** What a role may read, as its grants say. */
export interface RoleReach {
  /** Catalogue paths readable; `'all'` for `'*'`, `*:read` and `*:*`. */
  readonly readable: ReadonlySet<string> | 'all';
  /** When the role is confined to a patient compartment: the resources of no patient it shares. */
  readonly compartment: { readonly shared: ReadonlySet<string> } | undefined;
}

export interface ExamplePolicy {
  /** Where it was found, e.g. `packages/proxy/README.md #2`. */
  readonly where: string;
  readonly policy: Policy;
  readonly roles: ReadonlyMap<string, RoleReach>;
}

const REPO = join(import.meta.dirname, '..', '..', '..');

/** The balanced `roles(...)` call that starts at `start`. */
function balancedCall(text: string, start: number): string {
  let depth = 0;
  for (let index = text.indexOf('(', start); index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth === 0) return text.slice(start, index + 1);
  }
  throw new Error('unbalanced policy expression');
}

function readableOf(list: readonly string[]): ReadonlySet<string> | 'all' {
  const paths = new Set<string>();
  for (const grant of list) {
    const [path, verb] = grant === '*' ? ['*', '*'] : grant.split(':');
    if (verb !== 'read' && verb !== '*') continue;
    if (path === '*') return 'all';
    paths.add(path as string);
  }
  return paths;
}

/** Evaluates one policy expression with spying builders; returns the policy and what each role may read. */
function evaluate(expression: string): { policy: Policy; roles: Map<string, RoleReach> } {
  const reach = new WeakMap<Policy, Partial<RoleReach>>();
  const spyGrants = (list: readonly string[]): Policy => {
    const policy = grants(list);
    reach.set(policy, { readable: readableOf(list) });
    return policy;
  };
  const spyCompartment = (options: PatientCompartmentOptions): Policy => {
    const policy = patientCompartment(options);
    reach.set(policy, { compartment: { shared: new Set(options.shared ?? []) } });
    return policy;
  };
  const spyAllOf = (...policies: Policy[]): Policy => {
    const policy = allOf(...policies);
    reach.set(policy, Object.assign({}, ...policies.map((part) => reach.get(part) ?? {})) as Partial<RoleReach>);
    return policy;
  };
  const found = new Map<string, RoleReach>();
  const spyRoles = (map: Record<string, RoleGrants>): Policy => {
    for (const [role, value] of Object.entries(map)) {
      const known =
        value === '*' ? { readable: 'all' as const } : typeof value === 'function' ? reach.get(value) : { readable: readableOf(value) };
      if (!known) throw new Error(`role ${role}: a policy the oracle does not know`);
      found.set(role, { readable: known.readable ?? new Set(), compartment: known.compartment });
    }
    return roles(map);
  };
  const javascript = ts.transpileModule(`export default ${expression};`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  }).outputText;
  const module = { exports: {} as { default?: Policy } };
  new Function('exports', 'module', 'roles', 'grants', 'allOf', 'patientCompartment', javascript)(
    module.exports,
    module,
    spyRoles,
    spyGrants,
    spyAllOf,
    spyCompartment,
  );
  return { policy: module.exports.default as Policy, roles: found };
}

/** Every `policy: roles(...)` of the given Markdown and TypeScript files of the repository. */
export function examplePolicies(files: readonly string[]): ExamplePolicy[] {
  const policies: ExamplePolicy[] = [];
  for (const file of files) {
    const text = readFileSync(join(REPO, file), 'utf8');
    let count = 0;
    for (let at = text.indexOf('roles('); at !== -1; at = text.indexOf('roles(', at + 1)) {
      if (!/(?:policy:|Policy =)\s*$/.test(text.slice(Math.max(0, at - 20), at))) continue;
      count += 1;
      policies.push({ where: `${file} #${count}`, ...evaluate(balancedCall(text, at)) });
    }
  }
  return policies;
}

/** Whether a role with `reach` may see a record of `definition` that belongs to `owner` (or to nobody). */
export function mayRead(
  reach: RoleReach,
  definition: ResourceDefinition,
  owner: string | undefined,
  patientId: string | undefined,
): boolean {
  if (reach.readable !== 'all' && !reach.readable.has(definition.path)) return false;
  if (!reach.compartment) return true;
  if (definition.patientLink === null) return reach.compartment.shared.has(definition.path);
  return owner !== undefined && owner === patientId;
}
