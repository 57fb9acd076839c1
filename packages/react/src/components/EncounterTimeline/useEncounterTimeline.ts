'use client';
/**
 * The headless EncounterTimeline: a patient's encounters (visits, admissions, calls) newest first, each with when,
 * how long, what kind, why and its status — and how many are folded away when the timeline shows only the latest.
 */
import type { Encounter } from '@clinikapi/core';
import { useState } from 'react';
import { conceptText } from '../../headless/fhir-display.ts';
import { newestFirst } from '../PatientRecord/dates.ts';
import { useLinkedRecords, type LinkedRecords } from '../PatientRecord/useLinkedRecords.ts';
import type { ViewerHookOptions } from '../../headless/widget-hook-options.ts';

export interface EncounterItem {
  readonly id: string;
  /** The encounter's type, e.g. "Annual review"; undefined when it has none. */
  readonly type: string | undefined;
  /** The HL7 ActCode class, e.g. `AMB`. */
  readonly classCode: string | undefined;
  readonly status: Encounter['status'];
  readonly start: string | undefined;
  readonly end: string | undefined;
  /** Minutes, from the period or the recorded length. */
  readonly minutes: number | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly resource: Encounter;
}

export interface UseEncounterTimelineOptions extends ViewerHookOptions {
  /** Show only the latest this many until the user asks for all. Default: all. */
  readonly limit?: number | undefined;
}

export interface EncounterTimelineState extends Omit<LinkedRecords<Encounter>, 'records'> {
  /** Every encounter, newest first. */
  readonly encounters: readonly EncounterItem[];
  /** What to show now: the latest `limit`, or all once expanded. */
  readonly shown: readonly EncounterItem[];
  /** How many are folded away (0 when expanded or within the limit). */
  readonly hiddenCount: number;
  readonly expanded: boolean;
  readonly setExpanded: (expanded: boolean) => void;
}

function minutesOf(encounter: Encounter): number | undefined {
  const { start, end } = encounter.period ?? {};
  if (start && end) {
    const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
    if (Number.isFinite(minutes) && minutes >= 0) return Math.round(minutes);
  }
  return encounter.length?.value;
}

export function encounterItem(encounter: Encounter): EncounterItem {
  return {
    id: encounter.id ?? '',
    type: encounter.type?.map(conceptText).find(Boolean) || conceptText(encounter.serviceType) || undefined,
    classCode: encounter.class?.code,
    status: encounter.status,
    start: encounter.period?.start,
    end: encounter.period?.end,
    minutes: minutesOf(encounter),
    reason: encounter.reasonCode?.map(conceptText).filter(Boolean).join('; ') || undefined,
    location: encounter.location?.map((entry) => entry.location.display).find(Boolean),
    resource: encounter,
  };
}

const byStartNewestFirst = newestFirst((item: EncounterItem) => item.start ?? item.resource.meta?.lastUpdated);

export function useEncounterTimeline(options: UseEncounterTimelineOptions): EncounterTimelineState {
  const { patientId, limit } = options;
  const [expanded, setExpanded] = useState(false);
  const { records, ...source } = useLinkedRecords('encounters', patientId, { sort: '-date' });
  const encounters = records.map(encounterItem).sort(byStartNewestFirst);
  const folded = !expanded && limit !== undefined && encounters.length > limit;
  const shown = folded ? encounters.slice(0, limit) : encounters;
  return { ...source, encounters, shown, hiddenCount: encounters.length - shown.length, expanded, setExpanded };
}
