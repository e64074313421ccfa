import { handlers } from '@/auth';

// Auth.js's own endpoints (session, CSRF token, sign-out). Signing in goes
// through the sign-in page's server action.
export const { GET, POST } = handlers;
