import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Khmer: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'ផែនទីប្រតិបត្តិការ',
  'age.seconds': '{n} វិនាទី',
  'age.minutes': '{n} នាទី',
  'age.hours': '{n} ម៉ោង',
  'age.days': '{n} ថ្ងៃ',

  'enum.operationStatus.planned': 'បានគ្រោងទុក',
  'enum.operationStatus.active': 'កំពុងដំណើរការ',
  'enum.operationStatus.suspended': 'ផ្អាកបណ្ដោះអាសន្ន',
  'enum.operationStatus.closed': 'បានបិទ',
  'enum.operationRole.lead': 'អង្គភាពដឹកនាំ',
  'enum.operationRole.participant': 'អង្គភាពចូលរួម',
  'enum.operationRole.observer': 'អ្នកសង្កេតការណ៍',
  'enum.userRole.admin': 'អ្នកគ្រប់គ្រងប្រព័ន្ធ',
  'enum.userRole.commander': 'មេបញ្ជាការ',
  'enum.userRole.field': 'មន្ត្រីប្រចាំការនៅមូលដ្ឋាន',
  'enum.userRole.liaison': 'មន្ត្រីទំនាក់ទំនង',
  'enum.reportKind.interception': 'ការស្ទាក់ចាប់',
  'enum.reportKind.sitrep': 'របាយការណ៍ស្ថានការណ៍',
  'enum.reportKind.alert': 'ការព្រមាន',
  'enum.reportStatus.reported': 'បានរាយការណ៍',
  'enum.reportStatus.verified': 'បានផ្ទៀងផ្ទាត់',
  'enum.reportStatus.rejected': 'បានបដិសេធ',
  'enum.teamStatus.on_station': 'នៅប៉ុស្តិ៍',
  'enum.teamStatus.en_route': 'កំពុងធ្វើដំណើរ',
  'enum.teamStatus.engaged': 'កំពុងអន្តរាគមន៍',
  'enum.teamStatus.returning': 'កំពុងត្រឡប់',
  'enum.teamStatus.off_duty': 'ក្រៅវេន',
  'enum.siteKind.land': 'ច្រកព្រំដែនគោក',
  'enum.siteKind.river': 'ច្រកព្រំដែនទន្លេ',
  'enum.siteKind.sea': 'កំពង់ផែ',
  'enum.siteKind.air': 'អាកាសយានដ្ឋាន',
  'enum.interceptionKind.smuggling': 'ការរត់ពន្ធមនុស្ស',
  'enum.interceptionKind.trafficking': 'ការជួញដូរមនុស្ស',
  'enum.interceptionKind.fraudulent_documents': 'ឯកសារក្លែងក្លាយ',
  'enum.interceptionKind.seizure': 'ការរឹបអូស',
  'enum.interceptionKind.other': 'ផ្សេងៗ',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
