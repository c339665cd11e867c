/** The field page's texts for tasks (included by catalog-field-en.ts). */
export const taskingFieldEn = {
  'tab.tasks': 'Tasks',
  'outbox.task': 'Task {title}: {state}',
  'tasks.none': 'No tasks for your team.',
  'tasks.new': 'New task',
  'tasks.acknowledge': 'Acknowledge',
  'tasks.start': 'Start',
  'tasks.done': 'Done',
  'tasks.unable': 'Unable',
  'tasks.unableReason': 'Why can the team not do it?',
  'tasks.pending': 'Waiting to be sent',
  'tasks.ackBy': 'Acknowledge by {time}',
  'tasks.due': 'Due {time}',
  'tasks.target': 'Target: {lat}, {lon}',
  'tasks.live': 'Live',
  'tasks.offline': 'Not live: shows the tasks last read',
} as const;
