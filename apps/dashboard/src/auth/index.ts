/** Sign-in, the session and its tokens; the field page uses these too. Keep these exports stable. */
export { SESSION_STORAGE_KEY, SessionStore, type Session, type SessionEnd, type SessionStoreOptions } from './session-store';
export {
  RequireSession,
  SessionProvider,
  homePathFor,
  safeNextPath,
  signInPath,
  useApi,
  useSession,
  useSessionStore,
  useUser,
} from './session-context';
export { SignInPage } from './sign-in-page';
