import type { TaskingCommonTexts } from '../../catalogue-types';

/** Filipino: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'Pumunta sa',
  'enum.taskKind.hold': 'Manatili',
  'enum.taskKind.patrol': 'Magpatrolya sa lugar',
  'enum.taskKind.intercept': 'Harangin',
  'enum.taskKind.check_documents': 'Suriin ang mga dokumento',
  'enum.taskKind.other': 'Iba pa',
  'enum.taskState.assigned': 'Naitalaga',
  'enum.taskState.acknowledged': 'Kinilala',
  'enum.taskState.in_progress': 'Isinasagawa',
  'enum.taskState.done': 'Tapos na',
  'enum.taskState.unable': 'Hindi magawa',
  'enum.taskState.cancelled': 'Kinansela',
  'enum.requestKind.assist': 'Tulong',
  'enum.requestKind.intercept': 'Pagharang',
  'enum.requestKind.take_over_case': 'Akuin ang kaso',
  'enum.requestKind.share_information': 'Magbahagi ng impormasyon',
  'enum.requestState.open': 'Bukas',
  'enum.requestState.accepted': 'Tinanggap',
  'enum.requestState.declined': 'Tinanggihan',
  'enum.requestState.cancelled': 'Kinansela',
  'enum.requestState.completed': 'Natapos',
  'tasking.overdue': 'Lampas na sa takdang oras',
};
