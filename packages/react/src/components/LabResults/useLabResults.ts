'use client';
/**
 * The headless LabResults: a patient's lab reports (FHIR DiagnosticReport), newest first, each with its results —
 * the Observations its `result` references point at — flagged high, low or critical. Results come from the
 * patient's observations (the shared record inside PatientDashboard, else one search); any a report names that
 * are not among them (older than the newest hundred, or not yet in the search index) are read by id, which is
 * always consistent.
 */
import type { DiagnosticReport, Observation } from '@clinikapi/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { resourceQueries } from '../../queries/resource-queries.ts';
import { conceptCode, conceptText, referenceId } from '../../headless/fhir-display.ts';
import { newestFirst } from '../PatientRecord/dates.ts';
import { useLinkedRecords, type LinkedRecords } from '../PatientRecord/useLinkedRecords.ts';
import { CRITICAL_FLAGS, flagOf, isAbnormal, type LabFlag } from './lab-flags.ts';
import type { ViewerHookOptions } from '../../headless/widget-hook-options.ts';

export interface LabResultItem {
  /** The Observation id the report points at. */
  readonly id: string;
  readonly status: 'ready' | 'loading' | 'error';
  readonly name: string;
  /** The number, when the result is a quantity. */
  readonly value: number | undefined;
  /** The result as text, when it is not a quantity (a string or a coded answer). */
  readonly text: string | undefined;
  readonly unit: string | undefined;
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** The laboratory's own wording of the range, when it sent one. */
  readonly rangeText: string | undefined;
  readonly flag: LabFlag | undefined;
  readonly observation: Observation | undefined;
}

export interface LabReportItem {
  readonly id: string;
  readonly name: string;
  /** Diagnostic section code, e.g. `LAB`, `RAD`, `PAT`. */
  readonly category: string | undefined;
  readonly status: DiagnosticReport['status'];
  /** When the sample was taken or the study done. */
  readonly effective: string | undefined;
  readonly conclusion: string | undefined;
  readonly results: readonly LabResultItem[];
  readonly abnormalCount: number;
  readonly criticalCount: number;
  readonly resource: DiagnosticReport;
}

export interface UseLabResultsOptions extends ViewerHookOptions {
  /** Show only the latest this many reports until the user asks for all. Default: all. */
  readonly limit?: number | undefined;
  /** Reports open at first. Default: the latest one. */
  readonly defaultExpanded?: 'latest' | 'all' | 'none' | undefined;
}

export interface LabResultsState extends Omit<LinkedRecords<DiagnosticReport>, 'records'> {
  /** Every report, newest first. */
  readonly reports: readonly LabReportItem[];
  /** What to show now: the latest `limit`, or all once `showAll`. */
  readonly shown: readonly LabReportItem[];
  readonly hiddenCount: number;
  readonly showAll: boolean;
  readonly setShowAll: (showAll: boolean) => void;
  readonly isExpanded: (reportId: string) => boolean;
  readonly toggle: (reportId: string) => void;
  /** Reads the results that failed to load again. */
  readonly retryResults: () => void;
  readonly resultsError: ClinikApiError | null;
}

function resultItem(id: string, observation: Observation | undefined, status: LabResultItem['status']): LabResultItem {
  const range = observation?.referenceRange?.[0];
  const value = observation?.valueQuantity?.value;
  return {
    id,
    status,
    name: conceptText(observation?.code),
    value,
    text: value === undefined ? (observation?.valueString ?? (conceptText(observation?.valueCodeableConcept) || undefined)) : undefined,
    unit: observation?.valueQuantity?.unit ?? observation?.valueQuantity?.code ?? range?.high?.unit ?? range?.low?.unit,
    low: range?.low?.value,
    high: range?.high?.value,
    rangeText: range?.text,
    flag: observation ? flagOf(observation) : undefined,
    observation,
  };
}

const newestEffective = newestFirst(
  (report: DiagnosticReport) => report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued,
);

export function useLabResults(options: UseLabResultsOptions): LabResultsState {
  const { patientId, limit, defaultExpanded = 'latest' } = options;
  const { records, ...source } = useLinkedRecords('labs', patientId, { sort: '-date' });
  const observations = useLinkedRecords('observations', patientId, { sort: '-date' });
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);

  const reportsInOrder = [...records].sort(newestEffective);
  const known = new Map(observations.records.map((observation) => [observation.id, observation]));
  const wanted = reportsInOrder.flatMap((report) => (report.result ?? []).map(referenceId).filter((id): id is string => Boolean(id)));
  // Only once the observations have answered: until then every result would look missing.
  const settled = observations.status !== 'loading';
  const missing = settled ? [...new Set(wanted.filter((id) => !known.has(id)))] : [];
  const reads = useQueries({ queries: missing.map((id) => resourceQueries('observations').detail(id)) });
  const readById = new Map(missing.map((id, index) => [id, reads[index]]));

  const reports = reportsInOrder.map((report): LabReportItem => {
    const results = (report.result ?? []).flatMap((reference) => {
      const id = referenceId(reference);
      if (!id) return [];
      const found = known.get(id);
      if (found) return [resultItem(id, found, 'ready')];
      const read = readById.get(id);
      if (!settled || !read || read.isPending) return [resultItem(id, undefined, 'loading')];
      return [read.data ? resultItem(id, read.data, 'ready') : resultItem(id, undefined, 'error')];
    });
    return {
      id: report.id ?? '',
      name: conceptText(report.code),
      category: report.category?.map(conceptCode).find(Boolean),
      status: report.status,
      effective: report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued,
      conclusion: report.conclusion,
      results,
      abnormalCount: results.filter((result) => isAbnormal(result.flag)).length,
      criticalCount: results.filter((result) => result.flag !== undefined && CRITICAL_FLAGS.includes(result.flag)).length,
      resource: report,
    };
  });

  const folded = !showAll && limit !== undefined && reports.length > limit;
  const shown = folded ? reports.slice(0, limit) : reports;
  const openAtFirst = (id: string) => defaultExpanded === 'all' || (defaultExpanded === 'latest' && id === reports[0]?.id);
  const failedReads = reads.filter((read) => read.isError);

  return {
    ...source,
    reports,
    shown,
    hiddenCount: reports.length - shown.length,
    showAll,
    setShowAll,
    // A report the user toggled is the opposite of how it started.
    isExpanded: (id) => openAtFirst(id) !== toggled.has(id),
    toggle: (id) =>
      setToggled((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    retryResults: () => {
      observations.retry();
      for (const read of failedReads) void read.refetch();
    },
    resultsError: failedReads[0]?.error ?? (observations.status === 'error' ? observations.error : null),
  };
}
