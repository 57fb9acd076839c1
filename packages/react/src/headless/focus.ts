/** Moving focus with the content it points at: non-visual, shared by the headless hooks and the skins. */
import { useEffect, useLayoutEffect } from 'react';

/**
 * The effect a hook or a skin moves focus in: it runs in the same commit as the content it points at, before the
 * browser paints, so focus arrives together with the new content. A passive effect (`useEffect`) runs a frame or more
 * later — long enough for a screen reader to start reading the old focus, for a fast keyboard user's next key to land
 * on the button that was just pressed, and for a test that sees the content to see focus not there yet. On the server
 * there is nothing to focus and React warns about layout effects there (React 18), so it is the plain effect.
 */
export const useFocusEffect: typeof useLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
