import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal or a validation error only delays the message the user needs to see.
      retry: (count, err) => (!isApiError(err) || err.status === 0 || err.status >= 500) && count < 2,
    },
  },
});
