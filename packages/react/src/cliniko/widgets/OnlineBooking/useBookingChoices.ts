'use client';
/**
 * Where, with whom and what: the online-bookable businesses, their practitioners who take online bookings, and the
 * individual appointment types each offers online. A list of one is chosen for the user; choosing again clears what
 * depended on the earlier choice.
 */
import { useState } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { useClinikoAppointmentTypes, useClinikoBusinesses, useClinikoPractitioners } from '../../hooks/directory.ts';
import type { ClinikoAppointmentType, ClinikoBusiness, ClinikoId, ClinikoPractitioner } from '../../types.ts';

export type ListStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export interface ChoiceList<T> {
  readonly status: ListStatus;
  readonly items: readonly T[];
  readonly error: ClinikApiError | null;
  readonly retry: () => void;
  /** The chosen item: the user's choice when it is in the list, else the only item. */
  readonly chosen: T | undefined;
}

interface Query<T> {
  readonly data: readonly T[] | undefined;
  readonly error: ClinikApiError | null;
  readonly isPending: boolean;
  readonly fetchStatus: string;
  readonly refetch: () => unknown;
}

function choiceList<T extends { readonly id: string }>(query: Query<T>, choice: string | undefined): ChoiceList<T> {
  const items = query.data ?? [];
  let status: ListStatus = 'ready';
  if (query.error) status = 'error';
  else if (query.isPending) status = query.fetchStatus === 'idle' ? 'idle' : 'loading';
  else if (items.length === 0) status = 'empty';
  const chosen = items.find((item) => item.id === choice) ?? (items.length === 1 ? items[0] : undefined);
  return { status, items, error: query.error, retry: () => void query.refetch(), chosen };
}

export interface BookingChoices {
  readonly businesses: ChoiceList<ClinikoBusiness>;
  readonly practitioners: ChoiceList<ClinikoPractitioner>;
  readonly types: ChoiceList<ClinikoAppointmentType>;
  chooseBusiness(id: ClinikoId): void;
  choosePractitioner(id: ClinikoId): void;
  chooseType(id: ClinikoId): void;
}

export interface InitialChoices {
  readonly businessId?: ClinikoId | undefined;
  readonly practitionerId?: ClinikoId | undefined;
  readonly appointmentTypeId?: ClinikoId | undefined;
}

export function useBookingChoices(initial: InitialChoices, onChange: () => void): BookingChoices {
  const [choice, setChoice] = useState(initial);
  const businessQuery = useClinikoBusinesses(
    { perPage: 100 },
    { select: (page) => page.businesses.filter((business) => business.show_in_online_bookings) },
  );
  const businesses = choiceList(businessQuery, choice.businessId);
  const businessId = businesses.chosen?.id;
  const practitionerQuery = useClinikoPractitioners(
    { businessId, perPage: 100, sort: 'last_name,first_name' },
    {
      enabled: businessId !== undefined,
      select: (page) => page.practitioners.filter((practitioner) => practitioner.show_in_online_bookings),
    },
  );
  const practitioners = choiceList(practitionerQuery, choice.practitionerId);
  const practitionerId = practitioners.chosen?.id;
  const typeQuery = useClinikoAppointmentTypes(
    { practitionerId, perPage: 100, sort: 'name' },
    // Group types (more than one attendee) are booked as group appointments, which are not carried.
    {
      enabled: practitionerId !== undefined,
      select: (page) => page.appointment_types.filter((type) => type.show_in_online_bookings && type.max_attendees <= 1),
    },
  );
  return {
    businesses,
    practitioners,
    types: choiceList(typeQuery, choice.appointmentTypeId),
    chooseBusiness: (id) => {
      setChoice({ businessId: id });
      onChange();
    },
    choosePractitioner: (id) => {
      setChoice((current) => ({ businessId: current.businessId, practitionerId: id }));
      onChange();
    },
    chooseType: (id) => {
      setChoice((current) => ({ ...current, appointmentTypeId: id }));
      onChange();
    },
  };
}
