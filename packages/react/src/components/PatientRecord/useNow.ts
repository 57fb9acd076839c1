'use client';
import { useState } from 'react';

/**
 * The time a component counts from (ages, "upcoming"), fixed when it mounts so every render agrees and a render
 * stays pure; `given` pins it (tests, stories, server rendering that must match the client).
 */
export function useNow(given?: number): number {
  const [mountedAt] = useState(Date.now);
  return given ?? mountedAt;
}
