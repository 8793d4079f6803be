import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './http';

/** Demo builds only: brings back the original discussion and forgets everything added. */
export function useResetDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('/demo/reset', { method: 'POST' }),
    onSuccess: () => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('agora-draft:')) localStorage.removeItem(key);
      }
      queryClient.clear();
    },
  });
}
