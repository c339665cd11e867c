import type { TaskingFieldTexts } from '../../catalogue-types';

/** Khmer: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'ភារកិច្ច',
  'outbox.task': 'ភារកិច្ច {title}៖ {state}',
  'outbox.message': 'សារលើភារកិច្ច {title}',
  'thread.title': 'សារ',
  'thread.placeholder': 'សរសេរសារ…',
  'thread.send': 'ផ្ញើ',
  'thread.waiting': 'កំពុងរង់ចាំផ្ញើ',
  'tasks.none': 'គ្មានភារកិច្ចសម្រាប់ក្រុមរបស់អ្នកទេ។',
  'tasks.acknowledge': 'ទទួលស្គាល់',
  'tasks.start': 'ចាប់ផ្ដើម',
  'tasks.done': 'រួចរាល់',
  'tasks.unable': 'មិនអាចធ្វើបាន',
  'tasks.unableReason': 'ហេតុអ្វីក្រុមមិនអាចធ្វើបាន?',
  'tasks.pending': 'កំពុងរង់ចាំផ្ញើ',
  'tasks.ackBy': 'ទទួលស្គាល់មុន {time}',
  'tasks.due': 'ផុតកំណត់ {time}',
  'tasks.target': 'គោលដៅ៖ {lat}, {lon}',
  'tasks.live': 'ផ្ទាល់',
  'tasks.offline': 'មិនផ្ទាល់៖ បង្ហាញភារកិច្ចដែលបានអានចុងក្រោយ',
};
