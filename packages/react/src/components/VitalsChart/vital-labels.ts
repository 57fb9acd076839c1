/** Names, units and numbers of vital signs as a reader sees them, from VitalsChart's messages and `Intl`. */
import { formatNumber } from '../../i18n/format.ts';
import type { VitalsChartMessages } from './messages.ts';
import { vitalSign, type VitalChartId, type VitalFlag, type VitalSignKey } from './vital-series.ts';

export function chartName(id: VitalChartId, messages: VitalsChartMessages): string {
  return messages[id];
}

/** A series' name inside its chart: "Systolic" beside "Diastolic", else the vital's name. */
export function seriesName(key: VitalSignKey, messages: VitalsChartMessages): string {
  return messages[key];
}

export function unitOf(key: VitalSignKey | VitalChartId, messages: VitalsChartMessages): string {
  const units: Record<VitalSignKey | VitalChartId, string> = {
    heartRate: messages.unitHeartRate,
    bloodPressure: messages.unitBloodPressure,
    systolic: messages.unitBloodPressure,
    diastolic: messages.unitBloodPressure,
    temperature: messages.unitTemperature,
    respiratoryRate: messages.unitRespiratoryRate,
    oxygenSaturation: messages.unitOxygenSaturation,
    weight: messages.unitWeight,
    height: messages.unitHeight,
  };
  return units[key];
}

/** A reading with the decimals its vital is measured in: `36.8`, `72`. */
export function formatReading(key: VitalSignKey, value: number, locale: string | undefined): string {
  const { decimals } = vitalSign(key);
  return formatNumber(value, locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function flagName(flag: VitalFlag, messages: VitalsChartMessages): string {
  return messages[`flag${flag}`];
}

/** The arrow that repeats a flag's meaning in shape, for readers who do not see colour. */
export const FLAG_MARKS: Readonly<Record<VitalFlag, string>> = { HH: '⇈', H: '↑', N: '', L: '↓', LL: '⇊' };
