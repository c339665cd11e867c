import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { SeedBorderSites1764300100000 } from './1764300100000-seed-border-sites';
import { TeamsOriginAgency1764300100001 } from './1764300100001-teams-origin-agency';
import { Administration1764400000000 } from './1764400000000-administration';
import { TasksAndRequests1764500000000 } from './1764500000000-tasks-and-requests';
import { TaskingThreads1764500000001 } from './1764500000001-tasking-threads';
import { TaskLeftArea1764500000002 } from './1764500000002-task-left-area';
import { WatchedAreas1764500000100 } from './1764500000100-watched-areas';
import { DocumentChecks1764600000000 } from './1764600000000-document-checks';
import { OperationClosedAt1764600000001 } from './1764600000001-operation-closed-at';
import { TakDevices1764700000000 } from './1764700000000-tak-devices';
import { ReplayAndLessons1764800000000 } from './1764800000000-replay-and-lessons';
import { UserPreferences1765000050000 } from './1765000050000-user-preferences';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  SeedBorderSites1764300100000,
  TeamsOriginAgency1764300100001,
  Administration1764400000000,
  TasksAndRequests1764500000000,
  TaskingThreads1764500000001,
  TaskLeftArea1764500000002,
  WatchedAreas1764500000100,
  DocumentChecks1764600000000,
  OperationClosedAt1764600000001,
  TakDevices1764700000000,
  ReplayAndLessons1764800000000,
  UserPreferences1765000050000,
];
