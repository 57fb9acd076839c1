/**
 * `ServerError` stories: the widget as it is when the proxy answers one route with a 500 (the envelope core's
 * `errorBody` builds, reference `req_story`), everything else answered by the story's emulator as usual.
 */
import type { HttpHandler } from 'msw';
import { failing, type FailingRoute } from '../packages/react/src/test/error-answers.ts';
import { STORY_PROXY_URL } from './emulator.ts';

/** The reference the failed request carries (a story's play looks for `Reference: req_story`). */
const STORY_REQUEST_ID = 'req_story';

type FailedMethod = Parameters<typeof failing>[0];

/**
 * `story`, with the proxy failing `method <proxy>/<path>` before it starts. `route.when` narrows the failure to the
 * widget's own calls where the story's set-up writes to the same path.
 */
export function serverErrorStory<Story extends object>(
  method: FailedMethod,
  path: string,
  story: Story,
  route: Pick<FailingRoute, 'when'> = {},
): Story & { beforeEach(context: { msw: { use(...handlers: HttpHandler[]): void } }): void } {
  return {
    ...story,
    beforeEach({ msw }) {
      msw.use(failing(method, path, { ...route, proxyUrl: STORY_PROXY_URL, requestId: STORY_REQUEST_ID }));
    },
  };
}
