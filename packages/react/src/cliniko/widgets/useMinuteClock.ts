'use client';
import { useEffect, useState } from 'react';

/** The current time, refreshed every minute: "today" moves on at the clinic's midnight while a page stays open. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
