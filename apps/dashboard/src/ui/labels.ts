import type { InterceptionKind, OperationRole, OperationStatus, ReportKind, ReportStatus, RequestKind, RequestState, SiteKind, TaskKind, TaskState, TeamStatus, UserRole } from '@lintas/contracts';
import { type CommonKey, common } from '../i18n/common';

/** Labels of the contracts' enum values, from the catalogue. */
function label<T extends string>(prefix: string) {
  return (value: T): string => common.t(`${prefix}.${value}` as CommonKey);
}

export const operationStatusLabel = label<OperationStatus>('enum.operationStatus');
export const operationRoleLabel = label<OperationRole>('enum.operationRole');
export const userRoleLabel = label<UserRole>('enum.userRole');
export const reportKindLabel = label<ReportKind>('enum.reportKind');
export const reportStatusLabel = label<ReportStatus>('enum.reportStatus');
export const teamStatusLabel = label<TeamStatus>('enum.teamStatus');
export const siteKindLabel = label<SiteKind>('enum.siteKind');
export const taskKindLabel = label<TaskKind>('enum.taskKind');
export const taskStateLabel = label<TaskState>('enum.taskState');
export const requestKindLabel = label<RequestKind>('enum.requestKind');
export const requestStateLabel = label<RequestState>('enum.requestState');
export const interceptionKindLabel = label<InterceptionKind>('enum.interceptionKind');
