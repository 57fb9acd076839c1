/**
 * Type tests from where a user stands: the types the public signatures mention are importable from the published
 * entry paths (`scripts/api-report.ts` fails on a forgotten export; this proves a few by name, through `exports`).
 */
import type { IntakeAnswer, IntakeItem, UpdateShape } from '@clinikapi/core';
import type { ClinikoStore, EmulatorStore, ResourceName, USER_ROLES, UserRole } from '@clinikapi/emulator';
import type { BrowserEmulatorOptions, EmulatorAdmin, SeedTarget } from '@clinikapi/emulator/browser';
import type { MaybePromise, UpstreamConfig, UpstreamDialect } from '@clinikapi/proxy';
import type { ProxyUser as Auth0User, SessionAdapter as Auth0Adapter, auth0 } from '@clinikapi/proxy/auth0';
import type { ProxyUser, SessionAdapter, clerk } from '@clinikapi/proxy/clerk';
import type { PatientAge, PatientHeaderState, PatientLinkedPath, RecordsState } from '@clinikapi/react';
import type { VitalChartGroup, VitalSignKey } from '@clinikapi/react/charts';
import type {
  BookingChoices,
  ClinikClientOptions,
  ClinikoAppointmentPage,
  ClinikoPatientPage,
  ClinikoQueryOptions,
  OnlineBookingState,
  StylingProps,
  WidgetTheme,
  useClinikoAppointments,
  useClinikoPatients,
} from '@clinikapi/react/cliniko';
import type { AccessOption, ClinikProviderProps } from '@clinikapi/react/hooks';
import { describe, expectTypeOf, it } from 'vitest';
import type { ZodMiniString } from 'zod/mini';

describe('the names a public signature mentions', () => {
  it('are the types those signatures use, in @clinikapi/react', () => {
    expectTypeOf<Parameters<typeof useClinikoPatients>[1]>().toEqualTypeOf<ClinikoQueryOptions<ClinikoPatientPage, unknown> | undefined>();
    expectTypeOf<Parameters<typeof useClinikoAppointments>[1]>().toEqualTypeOf<
      ClinikoQueryOptions<ClinikoAppointmentPage, unknown> | undefined
    >();
    expectTypeOf<OnlineBookingState['practitioners']>().toExtend<BookingChoices['practitioners']>();
    expectTypeOf<ClinikProviderProps['access']>().toEqualTypeOf<AccessOption | undefined>();
    expectTypeOf<PatientHeaderState['age']>().toEqualTypeOf<PatientAge | undefined>();
    expectTypeOf<PatientLinkedPath>().toExtend<string>();
    expectTypeOf<RecordsState>().not.toBeAny();
    expectTypeOf<VitalChartGroup>().not.toBeAny();
    expectTypeOf<VitalSignKey>().toExtend<string>();
    expectTypeOf<StylingProps<'header'>>().not.toBeAny();
    expectTypeOf<WidgetTheme>().not.toBeAny();
    expectTypeOf<ClinikClientOptions>().not.toBeAny();
  });

  it('are the types those signatures use, in @clinikapi/proxy', () => {
    expectTypeOf<ReturnType<typeof clerk>>().toEqualTypeOf<SessionAdapter>();
    expectTypeOf<ReturnType<typeof auth0>>().toEqualTypeOf<Auth0Adapter>();
    expectTypeOf<Auth0User>().toEqualTypeOf<ProxyUser>();
    expectTypeOf<UpstreamConfig['dialect']>().toEqualTypeOf<UpstreamDialect>();
    expectTypeOf<MaybePromise<number>>().toEqualTypeOf<number | PromiseLike<number>>();
  });

  it('are the types those signatures use, in @clinikapi/core and @clinikapi/emulator', () => {
    expectTypeOf<NonNullable<IntakeItem['answer']>[number]>().toEqualTypeOf<IntakeAnswer>();
    expectTypeOf<keyof UpdateShape<{ note: ZodMiniString }>>().toEqualTypeOf<'note'>();
    expectTypeOf<UserRole>().toEqualTypeOf<(typeof USER_ROLES)[number]>();
    expectTypeOf<ResourceName>().toExtend<string>();
    expectTypeOf<BrowserEmulatorOptions>().not.toBeAny();
    expectTypeOf<EmulatorAdmin>().not.toBeAny();
    expectTypeOf<SeedTarget>().not.toBeAny();
    expectTypeOf<EmulatorStore>().not.toBeAny();
    expectTypeOf<ClinikoStore>().not.toBeAny();
  });
});
