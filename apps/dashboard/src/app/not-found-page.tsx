import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page-message">
      <h2>Page not found</h2>
      <p>
        There is nothing at this address. <Link to="/">Back to the map</Link>
      </p>
    </section>
  );
}
