import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A page whose code is loaded when it is first shown. The operation view is the page that must
 * draw fast; administration and planning stay out of its chunk (and out of its parse time).
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): ComponentType {
  const Page = lazy<ComponentType>(() => load().then((module) => ({ default: module[name] })));
  return function LazyPage() {
    return (
      <Suspense fallback={<p className="muted" aria-busy="true" />}>
        <Page />
      </Suspense>
    );
  };
}
