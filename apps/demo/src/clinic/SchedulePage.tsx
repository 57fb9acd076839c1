/** The clinic's day: every appointment on the chosen date, in time order, each linking to its patient. */
import type { Appointment } from '@clinikapi/core';
import { useAppointments, useCodeNames, usePatient } from '@clinikapi/react';
import { useId, useState } from 'react';
import { Link } from '../router.tsx';

const today = (): string => new Date().toLocaleDateString('en-CA');

const timeOf = (iso: string | undefined) =>
  iso ? new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : '';

export function SchedulePage() {
  const dateId = useId();
  const [date, setDate] = useState(today);
  const appointments = useAppointments({ dateFrom: date, dateTo: date, sort: 'date', count: 100 });
  const list = [...(appointments.data?.data ?? [])].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  return (
    <section className="demo-page" aria-labelledby="schedule-title">
      <div className="demo-page-header">
        <h1 id="schedule-title">Schedule</h1>
        <label htmlFor={dateId} className="demo-inline-field">
          Day
          <input id={dateId} type="date" value={date} onChange={(event) => setDate(event.target.value || today())} />
        </label>
      </div>
      {appointments.isPending && <p role="status">Loading the day…</p>}
      {appointments.isError && <p role="alert">The schedule could not be loaded.</p>}
      {appointments.isSuccess && list.length === 0 && <p>No appointments on this day.</p>}
      {list.length > 0 && (
        <table className="demo-table" aria-labelledby="schedule-title">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Visit</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((appointment) => (
              <ScheduleRow key={appointment.id} appointment={appointment} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ScheduleRow({ appointment }: { appointment: Appointment }) {
  const patientId = appointment.participant
    .map((participant) => participant.actor?.reference)
    .find((reference) => reference?.startsWith('Patient/'))
    ?.slice('Patient/'.length);
  const patient = usePatient(patientId);
  const name = useCodeNames();
  return (
    <tr>
      <td>
        {timeOf(appointment.start)}–{timeOf(appointment.end)}
      </td>
      <th scope="row">
        {patientId ? <Link to={`/patients/${encodeURIComponent(patientId)}`}>{patient.data?.fullName ?? '…'}</Link> : '—'}
      </th>
      <td>{appointment.description ?? ''}</td>
      <td>{name('appointmentStatus', appointment.status)}</td>
    </tr>
  );
}
