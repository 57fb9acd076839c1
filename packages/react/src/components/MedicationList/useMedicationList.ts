'use client';
/**
 * The headless MedicationList: a patient's prescriptions (FHIR MedicationRequest) as rows ready to render, split
 * into what the patient is on now and what they were on, with the counts a filter shows. `MedicationList` is one
 * skin over it.
 */
import type { MedicationRequest } from '@clinikapi/core';
import { useState } from 'react';
import { conceptCode, conceptText } from '../../headless/fhir-display.ts';
import { newestFirst } from '../PatientRecord/dates.ts';
import { useLinkedRecords, type LinkedRecords } from '../PatientRecord/useLinkedRecords.ts';
import type { ViewerHookOptions } from '../../headless/widget-hook-options.ts';

export type MedicationFilter = 'active' | 'inactive' | 'all';

/**
 * On the list of current medications: active, paused (on-hold) and not yet signed (draft) — each says which with
 * its badge. Everything else (completed, cancelled, stopped, entered in error, unknown) is past.
 */
const CURRENT_STATUSES: readonly string[] = ['active', 'on-hold', 'draft'];

export interface MedicationItem {
  readonly id: string;
  readonly name: string;
  readonly status: MedicationRequest['status'];
  readonly current: boolean;
  readonly dosage: string | undefined;
  readonly priority: MedicationRequest['priority'];
  /** Course of therapy code (`continuous`, `acute`, `seasonal`) or text. */
  readonly course: string | undefined;
  readonly authoredOn: string | undefined;
  readonly statusReason: string | undefined;
  readonly resource: MedicationRequest;
}

export interface UseMedicationListOptions extends ViewerHookOptions {
  /** Which prescriptions to show, when the app controls the filter. */
  readonly filter?: MedicationFilter | undefined;
  /** The filter to start with when uncontrolled. Default `active`. */
  readonly defaultFilter?: MedicationFilter | undefined;
  readonly onFilterChange?: ((filter: MedicationFilter) => void) | undefined;
}

export interface MedicationListState extends Omit<LinkedRecords<MedicationRequest>, 'records' | 'status'> {
  /** The status of what the filter shows: `empty` when nothing matches it. */
  readonly status: LinkedRecords<MedicationRequest>['status'];
  readonly filter: MedicationFilter;
  readonly setFilter: (filter: MedicationFilter) => void;
  readonly counts: Readonly<Record<MedicationFilter, number>>;
  /** The rows the filter shows: current before past, most recently prescribed first. */
  readonly medications: readonly MedicationItem[];
}

export function medicationItem(request: MedicationRequest): MedicationItem {
  const name =
    conceptText(request.medicationCodeableConcept) || request.medicationReference?.display || request.medicationReference?.reference || '';
  return {
    id: request.id ?? '',
    name,
    status: request.status,
    current: CURRENT_STATUSES.includes(request.status),
    dosage:
      request.dosageInstruction
        ?.map((dosage) => dosage.text)
        .filter(Boolean)
        .join('; ') || undefined,
    priority: request.priority,
    course: conceptCode(request.courseOfTherapyType),
    authoredOn: request.authoredOn,
    statusReason: conceptText(request.statusReason) || undefined,
    resource: request,
  };
}

const newestPrescribed = newestFirst((item: MedicationItem) => item.authoredOn);

function byRelevance(a: MedicationItem, b: MedicationItem): number {
  return Number(b.current) - Number(a.current) || newestPrescribed(a, b);
}

export function useMedicationList(options: UseMedicationListOptions): MedicationListState {
  const { patientId, onFilterChange } = options;
  const [ownFilter, setOwnFilter] = useState<MedicationFilter>(options.defaultFilter ?? 'active');
  const filter = options.filter ?? ownFilter;
  const { records, status, ...source } = useLinkedRecords('prescriptions', patientId);

  const all = records.map(medicationItem).sort(byRelevance);
  const current = all.filter((item) => item.current);
  const counts = { active: current.length, inactive: all.length - current.length, all: all.length };
  const medications = filter === 'all' ? all : all.filter((item) => item.current === (filter === 'active'));

  return {
    ...source,
    status: status === 'ready' && medications.length === 0 ? 'empty' : status,
    filter,
    setFilter: (next) => {
      setOwnFilter(next);
      onFilterChange?.(next);
    },
    counts,
    medications,
  };
}
