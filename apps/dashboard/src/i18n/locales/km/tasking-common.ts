import type { TaskingCommonTexts } from '../../catalogue-types';

/** Khmer: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'ធ្វើដំណើរទៅ',
  'enum.taskKind.hold': 'រក្សាទីតាំង',
  'enum.taskKind.patrol': 'ល្បាតតំបន់',
  'enum.taskKind.intercept': 'ស្ទាក់ចាប់',
  'enum.taskKind.check_documents': 'ពិនិត្យឯកសារ',
  'enum.taskKind.other': 'ផ្សេងៗ',
  'enum.taskState.assigned': 'បានចាត់តាំង',
  'enum.taskState.acknowledged': 'បានទទួលស្គាល់',
  'enum.taskState.in_progress': 'កំពុងអនុវត្ត',
  'enum.taskState.done': 'រួចរាល់',
  'enum.taskState.unable': 'មិនអាចអនុវត្តបាន',
  'enum.taskState.cancelled': 'បានលុបចោល',
  'enum.requestKind.assist': 'ជំនួយ',
  'enum.requestKind.intercept': 'ស្ទាក់ចាប់',
  'enum.requestKind.take_over_case': 'ទទួលយកសំណុំរឿង',
  'enum.requestKind.share_information': 'ចែករំលែកព័ត៌មាន',
  'enum.requestState.open': 'កំពុងបើក',
  'enum.requestState.accepted': 'បានទទួលយក',
  'enum.requestState.declined': 'បានបដិសេធ',
  'enum.requestState.cancelled': 'បានលុបចោល',
  'enum.requestState.completed': 'បានបញ្ចប់',
  'tasking.overdue': 'ហួសកំណត់',
};
