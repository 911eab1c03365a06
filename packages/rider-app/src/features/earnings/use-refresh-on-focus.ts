import { useFocusEffect } from 'expo-router';
import { useCallback, useRef } from 'react';

/**
 * Refreshes a tab's query each time the rider comes back to it: tabs stay mounted, and a delivery
 * finished on the Work tab should show on Earnings without a pull. Joins a load under way rather
 * than restarting it.
 */
export function useRefreshOnFocus(refetch: (options: { cancelRefetch: boolean }) => unknown) {
  const first = useRef(true);
  useFocusEffect(
    useCallback(() => {
      // The query loads by itself when the tab first opens.
      if (first.current) {
        first.current = false;
        return;
      }
      void refetch({ cancelRefetch: false });
    }, [refetch]),
  );
}
