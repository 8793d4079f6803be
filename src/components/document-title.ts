import { useEffect } from 'react';

export const APP_NAME = 'Agora';

/** Each route names itself in the browser tab and history. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
