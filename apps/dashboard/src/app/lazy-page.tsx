import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A page (or a panel) whose code is loaded when it is first shown. The operation view is the page
 * that must draw fast; administration, planning and the forms that validate with the contracts'
 * schemas stay out of its first load (and out of its parse and evaluation time).
 */
export function lazyPage<Name extends string, Props extends object = object>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name): ComponentType<Props> {
  const Page = lazy<ComponentType<Props>>(() => load().then((module) => ({ default: module[name] })));
  return function LazyPage(props: Props) {
    return (
      <Suspense fallback={<p className="muted" aria-busy="true" />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
