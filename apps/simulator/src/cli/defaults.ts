/** The password of the demo accounts when DEMO_PASSWORD is not set (as in the API's configuration). */
export const DEFAULT_DEMO_PASSWORD = 'lintas-demo-2026';
