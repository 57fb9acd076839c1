import { Link } from './router.tsx';

export function NotFoundPage() {
  return (
    <section className="demo-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
