/** Shown while a lazily loaded page arrives. */
import { Center, Loader } from '@mantine/core';

/** Centred spinner for Suspense fallbacks. */
export function PageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="…" />
    </Center>
  );
}
