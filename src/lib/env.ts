/** True in dev, test and demo builds, where the mock backend runs in the page. */
export const isDemo: boolean = import.meta.env.VITE_MOCK_API === 'true';
