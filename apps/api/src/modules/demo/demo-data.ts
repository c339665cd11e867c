import type {
  AgencyKind,
  InterceptionDetails,
  Marking,
  OperationRole,
  Polygon,
  ReportKind,
  TeamStatus,
  UserRole,
} from '@lintas/contracts';

/**
 * The demo world: agencies of several ASEAN member states and an international coordination unit,
 * accounts of every role, one live joint operation on the Cambodia–Vietnam border and one exercise
 * on the Thailand–Malaysia border. Everything is keyed on fixed codes and e-mails, so that the
 * seeder can tell what already exists. Names of people are invented.
 */

export interface DemoAgency {
  code: string;
  name: string;
  country: string | null;
  kind: AgencyKind;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { code: 'INTERPOL-CU', name: 'INTERPOL Coordination Unit (EU-ASEAN Migration and Border Management Programme II)', country: null, kind: 'international_organisation' },
  { code: 'KH-GDI', name: 'General Department of Immigration, Cambodia', country: 'KH', kind: 'immigration' },
  { code: 'VN-BGC', name: 'Border Guard Command, Viet Nam', country: 'VN', kind: 'border_guard' },
  { code: 'TH-RTP', name: 'Royal Thai Police, Immigration Bureau', country: 'TH', kind: 'police' },
  { code: 'MY-IMI', name: 'Immigration Department of Malaysia', country: 'MY', kind: 'immigration' },
  { code: 'ID-DGI', name: 'Directorate General of Immigration, Indonesia', country: 'ID', kind: 'immigration' },
  { code: 'PH-BI', name: 'Bureau of Immigration, Philippines', country: 'PH', kind: 'immigration' },
];

export interface DemoUser {
  email: string;
  name: string;
  role: UserRole;
  agencyCode: string;
}

/** The first one is the administrator the seeder acts as for the rest. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@interpol-cu.demo', name: 'Claire Dubois', role: 'admin', agencyCode: 'INTERPOL-CU' },
  { email: 'liaison@interpol-cu.demo', name: 'Marco Rossi', role: 'liaison', agencyCode: 'INTERPOL-CU' },
  { email: 'commander@kh-gdi.demo', name: 'Sok Dara', role: 'commander', agencyCode: 'KH-GDI' },
  { email: 'field@kh-gdi.demo', name: 'Chea Sophal', role: 'field', agencyCode: 'KH-GDI' },
  { email: 'field2@kh-gdi.demo', name: 'Heng Vannak', role: 'field', agencyCode: 'KH-GDI' },
  { email: 'liaison@kh-gdi.demo', name: 'Keo Sreymom', role: 'liaison', agencyCode: 'KH-GDI' },
  { email: 'commander@vn-bgc.demo', name: 'Nguyen Van Hung', role: 'commander', agencyCode: 'VN-BGC' },
  { email: 'field@vn-bgc.demo', name: 'Tran Thi Mai', role: 'field', agencyCode: 'VN-BGC' },
  { email: 'commander@th-rtp.demo', name: 'Somchai Srisuk', role: 'commander', agencyCode: 'TH-RTP' },
  { email: 'field@th-rtp.demo', name: 'Nattapong Chaiyaporn', role: 'field', agencyCode: 'TH-RTP' },
  { email: 'commander@my-imi.demo', name: 'Aisyah binti Rahman', role: 'commander', agencyCode: 'MY-IMI' },
  { email: 'field@my-imi.demo', name: 'Muhammad Hafiz bin Ismail', role: 'field', agencyCode: 'MY-IMI' },
  { email: 'liaison@id-dgi.demo', name: 'Dewi Lestari', role: 'liaison', agencyCode: 'ID-DGI' },
  { email: 'liaison@ph-bi.demo', name: 'Maria Santos', role: 'liaison', agencyCode: 'PH-BI' },
];

export interface DemoTeam {
  callSign: string;
  agencyCode: string;
  size: number;
  status: TeamStatus;
  siteCode: string;
  memberEmails: string[];
  marking: Marking;
  recipientAgencyCodes: string[];
  /** Where the recorded track ends, and how long ago; null: no position yet. */
  track: { lat: number; lon: number; minutesAgo: number } | null;
}

export interface DemoReport {
  /** Fixed: the report's clientId is derived from it, which makes creating it idempotent. */
  key: string;
  authorEmail: string;
  teamCallSign: string | null;
  kind: ReportKind;
  title: string;
  narrative: string;
  minutesAgo: number;
  siteCode: string | null;
  /** Offset from the site in degrees, so that markers do not sit on top of each other. */
  offset?: [number, number];
  marking: Marking;
  recipientAgencyCodes?: string[];
  interception?: Partial<InterceptionDetails> & Pick<InterceptionDetails, 'interceptionKind' | 'persons'>;
  decision?: { status: 'verified' | 'rejected'; reason: string; byEmail: string };
}

export interface DemoOperation {
  code: string;
  name: string;
  description: string;
  exercise: boolean;
  timeZone: string;
  /** Relative to the first seeding. */
  startsHoursAgo: number;
  endsInHours: number;
  area: Polygon;
  leadCommanderEmail: string;
  participants: { agencyCode: string; role: Exclude<OperationRole, 'lead'> }[];
  siteCodes: string[];
  teams: DemoTeam[];
  reports: DemoReport[];
}

const mekongGate: DemoOperation = {
  code: 'OP-MEKONG-GATE',
  name: 'Mekong Gate',
  description:
    'Joint operation against migrant smuggling and trafficking in persons across the Cambodia–Viet Nam border: ' +
    'the Bavet / Moc Bai road crossing, the Kaam Samnor / Vinh Xuong Mekong river crossing and Phnom Den / Tinh Bien.',
  exercise: false,
  timeZone: 'Asia/Phnom_Penh',
  startsHoursAgo: 48,
  endsInHours: 12 * 24,
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [104.75, 10.45],
        [105.35, 10.55],
        [106.35, 10.95],
        [106.35, 11.25],
        [105.6, 11.15],
        [104.75, 10.8],
        [104.75, 10.45],
      ],
    ],
  },
  leadCommanderEmail: 'commander@kh-gdi.demo',
  participants: [
    { agencyCode: 'VN-BGC', role: 'participant' },
    { agencyCode: 'INTERPOL-CU', role: 'participant' },
    { agencyCode: 'ID-DGI', role: 'observer' },
  ],
  siteCodes: ['kh-bavet', 'vn-moc-bai', 'kh-kaam-samnor', 'vn-vinh-xuong', 'kh-phnom-den', 'vn-tinh-bien'],
  teams: [
    { callSign: 'KH-BAVET-1', agencyCode: 'KH-GDI', size: 6, status: 'on_station', siteCode: 'kh-bavet', memberEmails: ['field@kh-gdi.demo'], marking: 'TLP:GREEN', recipientAgencyCodes: [], track: { lat: 11.066, lon: 106.118, minutesAgo: 1 } },
    { callSign: 'KH-MEKONG-2', agencyCode: 'KH-GDI', size: 4, status: 'en_route', siteCode: 'kh-kaam-samnor', memberEmails: ['field2@kh-gdi.demo'], marking: 'TLP:AMBER', recipientAgencyCodes: [], track: { lat: 10.925, lon: 105.158, minutesAgo: 2 } },
    { callSign: 'VN-MOCBAI-1', agencyCode: 'VN-BGC', size: 5, status: 'on_station', siteCode: 'vn-moc-bai', memberEmails: ['field@vn-bgc.demo'], marking: 'TLP:GREEN', recipientAgencyCodes: [], track: { lat: 11.076, lon: 106.142, minutesAgo: 1 } },
    // Shared with the lead only; its last position is hours old, so it shows as stale.
    { callSign: 'VN-TINHBIEN-1', agencyCode: 'VN-BGC', size: 3, status: 'engaged', siteCode: 'vn-tinh-bien', memberEmails: [], marking: 'TLP:RED', recipientAgencyCodes: ['KH-GDI'], track: { lat: 10.601, lon: 104.952, minutesAgo: 150 } },
  ],
  reports: [
    { key: 'mg-01', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'interception', title: 'Minivan with 11 undocumented passengers at Bavet', narrative: 'Vehicle stopped 400 m before the checkpoint; driver fled on foot. Passengers taken to the GDI office for screening.', minutesAgo: 35, siteCode: 'kh-bavet', offset: [-0.004, -0.006], marking: 'TLP:AMBER', interception: { interceptionKind: 'smuggling', persons: 11, suspects: 1, presumedVictims: 2, minors: 3, nationalities: ['KH', 'MM'] } },
    { key: 'mg-02', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'alert', title: 'SLTD hit: stolen Cambodian passport presented at Bavet', narrative: 'Passport reported stolen in Phnom Penh in March. Holder detained pending identity check.', minutesAgo: 50, siteCode: 'kh-bavet', offset: [0.001, 0.002], marking: 'TLP:AMBER+STRICT' },
    { key: 'mg-03', authorEmail: 'commander@kh-gdi.demo', teamCallSign: null, kind: 'sitrep', title: 'Command post sitrep 06:00', narrative: 'All teams on station. Traffic at Bavet heavy before the holiday. River patrol starts at 07:00.', minutesAgo: 8 * 60, siteCode: null, marking: 'TLP:GREEN' },
    { key: 'mg-04', authorEmail: 'field2@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'interception', title: 'Longtail boat with 6 persons intercepted near Kaam Samnor', narrative: 'Boat heading downstream without lights; 6 adults, no travel documents. Boat operator arrested.', minutesAgo: 95, siteCode: 'kh-kaam-samnor', offset: [0.01, -0.006], marking: 'TLP:AMBER', interception: { interceptionKind: 'smuggling', persons: 6, suspects: 1, nationalities: ['KH'] }, decision: { status: 'verified', reason: 'Confirmed by the provincial immigration office', byEmail: 'commander@kh-gdi.demo' } },
    { key: 'mg-05', authorEmail: 'field2@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'sitrep', title: 'River patrol: water level high, night crossings likely', narrative: 'Fishermen report boats crossing after 22:00 two kilometres upstream.', minutesAgo: 3 * 60, siteCode: 'kh-kaam-samnor', offset: [0.02, 0.01], marking: 'TLP:CLEAR' },
    { key: 'mg-06', authorEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', kind: 'interception', title: 'Two suspects with 14 fraudulent work permits at Moc Bai', narrative: 'Permits for casino work in Bavet, all with the same forged stamp.', minutesAgo: 70, siteCode: 'vn-moc-bai', offset: [0.003, 0.004], marking: 'TLP:AMBER', interception: { interceptionKind: 'fraudulent_documents', persons: 2, suspects: 2, nationalities: ['VN'], documentsSeized: 14 }, decision: { status: 'verified', reason: 'Documents examined by the forensic unit', byEmail: 'commander@vn-bgc.demo' } },
    { key: 'mg-07', authorEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', kind: 'alert', title: 'Suspected recruiter for online scam compounds crossing at Moc Bai', narrative: 'Matches the description circulated by the Cambodian side yesterday. Request coordination.', minutesAgo: 20, siteCode: 'vn-moc-bai', offset: [-0.002, 0.003], marking: 'TLP:RED', recipientAgencyCodes: ['KH-GDI'] },
    { key: 'mg-08', authorEmail: 'commander@vn-bgc.demo', teamCallSign: null, kind: 'sitrep', title: 'Border Guard sitrep: Tinh Bien sector', narrative: 'Team engaged with a group of 20 persons on foot near the border markers. Update to follow.', minutesAgo: 2 * 60, siteCode: 'vn-tinh-bien', offset: [0.01, 0.005], marking: 'TLP:RED', recipientAgencyCodes: ['KH-GDI'] },
    { key: 'mg-09', authorEmail: 'commander@vn-bgc.demo', teamCallSign: 'VN-TINHBIEN-1', kind: 'interception', title: '20 persons on foot near Tinh Bien, 4 presumed trafficking victims', narrative: 'Group guided across the paddies at dawn. Four young women report being promised restaurant jobs.', minutesAgo: 110, siteCode: 'vn-tinh-bien', offset: [0.006, -0.004], marking: 'TLP:AMBER+STRICT', interception: { interceptionKind: 'trafficking', persons: 20, suspects: 2, presumedVictims: 4, minors: 1, nationalities: ['VN', 'KH'] } },
    { key: 'mg-10', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'sitrep', title: 'Queue at Bavet arrival hall over 300 persons', narrative: 'Extra document-check desk opened.', minutesAgo: 4 * 60, siteCode: 'kh-bavet', offset: [-0.001, -0.003], marking: 'TLP:GREEN' },
    { key: 'mg-11', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'alert', title: 'Vehicle of interest: white Toyota Hiace, plate partly covered', narrative: 'Seen twice this morning turning back before the checkpoint.', minutesAgo: 15, siteCode: 'kh-bavet', offset: [-0.008, -0.01], marking: 'TLP:AMBER' },
    { key: 'mg-12', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'interception', title: 'Seizure: 37 blank passports in a cargo truck', narrative: 'Hidden under rice sacks. Driver says he did not know.', minutesAgo: 6 * 60, siteCode: 'kh-bavet', offset: [0.002, -0.002], marking: 'TLP:AMBER', interception: { interceptionKind: 'seizure', persons: 1, suspects: 1, nationalities: ['KH'], documentsSeized: 37 }, decision: { status: 'verified', reason: 'Passports handed over to the forensic laboratory', byEmail: 'commander@kh-gdi.demo' } },
    { key: 'mg-13', authorEmail: 'field2@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'alert', title: 'Unlit boat crossing towards Vinh Xuong', narrative: 'Requesting Vietnamese side to observe the landing point.', minutesAgo: 10, siteCode: 'kh-kaam-samnor', offset: [0.015, -0.02], marking: 'TLP:RED', recipientAgencyCodes: ['VN-BGC'] },
    { key: 'mg-14', authorEmail: 'field2@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'interception', title: 'Three persons turned back at the river bank', narrative: 'Claimed to be fishermen; no boat found.', minutesAgo: 7 * 60, siteCode: 'kh-kaam-samnor', offset: [0.005, 0.008], marking: 'TLP:GREEN', interception: { interceptionKind: 'other', persons: 3 }, decision: { status: 'rejected', reason: 'Duplicate of the 02:10 report from the same team', byEmail: 'commander@kh-gdi.demo' } },
    { key: 'mg-15', authorEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', kind: 'sitrep', title: 'Moc Bai: normal traffic, two buses inspected', narrative: 'No irregularities.', minutesAgo: 5 * 60, siteCode: 'vn-moc-bai', offset: [0.001, 0.001], marking: 'TLP:CLEAR' },
    { key: 'mg-16', authorEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', kind: 'interception', title: 'Five Myanmar nationals without visas on a tourist bus', narrative: 'Say they were recruited online for jobs in Sihanoukville.', minutesAgo: 45, siteCode: 'vn-moc-bai', offset: [0.004, 0.001], marking: 'TLP:AMBER', interception: { interceptionKind: 'trafficking', persons: 5, presumedVictims: 5, nationalities: ['MM'] } },
    { key: 'mg-17', authorEmail: 'commander@kh-gdi.demo', teamCallSign: null, kind: 'sitrep', title: 'Coordination call with Viet Nam Border Guard at 14:00', narrative: 'Agenda: joint patrol of the river crossing tonight, exchange of suspect lists.', minutesAgo: 30, siteCode: null, marking: 'TLP:AMBER' },
    { key: 'mg-18', authorEmail: 'commander@kh-gdi.demo', teamCallSign: null, kind: 'alert', title: 'Intelligence: large group to cross near Phnom Den tonight', narrative: 'Source reliability B. Shared with the Viet Nam Border Guard and the INTERPOL unit only.', minutesAgo: 25, siteCode: 'kh-phnom-den', offset: [-0.01, 0.004], marking: 'TLP:RED', recipientAgencyCodes: ['VN-BGC', 'INTERPOL-CU'] },
    { key: 'mg-19', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'interception', title: 'Woman with two children, forged birth certificates', narrative: 'Referred to the social affairs office.', minutesAgo: 9 * 60, siteCode: 'kh-bavet', offset: [-0.003, 0.001], marking: 'TLP:AMBER', interception: { interceptionKind: 'fraudulent_documents', persons: 3, presumedVictims: 2, minors: 2, nationalities: ['KH'], documentsSeized: 2 }, decision: { status: 'verified', reason: 'Confirmed with the civil registry', byEmail: 'commander@kh-gdi.demo' } },
    { key: 'mg-20', authorEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', kind: 'alert', title: 'SLTD hit: Vietnamese passport reported lost in 2025', narrative: 'Holder says it was found again; verifying with the issuing office.', minutesAgo: 12, siteCode: 'vn-moc-bai', offset: [0.0, 0.005], marking: 'TLP:AMBER' },
    { key: 'mg-21', authorEmail: 'commander@vn-bgc.demo', teamCallSign: null, kind: 'interception', title: 'Report of a group at Xa Mat turned out to be farm workers', narrative: 'Seasonal workers with valid border passes.', minutesAgo: 10 * 60, siteCode: 'vn-moc-bai', offset: [-0.02, 0.03], marking: 'TLP:GREEN', interception: { interceptionKind: 'other', persons: 9 }, decision: { status: 'rejected', reason: 'Not an irregular crossing: valid border passes', byEmail: 'commander@vn-bgc.demo' } },
    { key: 'mg-22', authorEmail: 'field2@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'sitrep', title: 'Fuel low, returning to Kaam Samnor at 18:00', narrative: '', minutesAgo: 55, siteCode: 'kh-kaam-samnor', offset: [0.01, 0.0], marking: 'TLP:GREEN' },
    { key: 'mg-23', authorEmail: 'field@kh-gdi.demo', teamCallSign: 'KH-BAVET-1', kind: 'sitrep', title: 'Shift change at Bavet completed', narrative: 'Night team briefed on the vehicle of interest.', minutesAgo: 11 * 60, siteCode: 'kh-bavet', offset: [0.0, 0.0], marking: 'TLP:CLEAR' },
    { key: 'mg-24', authorEmail: 'commander@kh-gdi.demo', teamCallSign: 'KH-MEKONG-2', kind: 'interception', title: 'Boat operator linked to last week’s network identified', narrative: 'Name matches the list shared by the INTERPOL unit.', minutesAgo: 40, siteCode: 'kh-kaam-samnor', offset: [0.012, -0.004], marking: 'TLP:AMBER+STRICT', interception: { interceptionKind: 'smuggling', persons: 1, suspects: 1, nationalities: ['KH'] } },
  ],
};

const sadaoShield: DemoOperation = {
  code: 'EX-SADAO-SHIELD',
  name: 'Sadao Shield',
  description:
    'Train-the-trainer exercise on the Thailand–Malaysia border (Sadao / Bukit Kayu Hitam and Padang Besar): ' +
    'scripted smuggling attempts, document checks against the SLTD list, and joint reporting.',
  exercise: true,
  timeZone: 'Asia/Bangkok',
  startsHoursAgo: 3,
  endsInHours: 48,
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [100.2, 6.4],
        [100.55, 6.4],
        [100.55, 6.75],
        [100.2, 6.75],
        [100.2, 6.4],
      ],
    ],
  },
  leadCommanderEmail: 'commander@th-rtp.demo',
  participants: [
    { agencyCode: 'MY-IMI', role: 'participant' },
    { agencyCode: 'INTERPOL-CU', role: 'participant' },
    { agencyCode: 'PH-BI', role: 'observer' },
  ],
  siteCodes: ['th-sadao', 'my-bukit-kayu-hitam', 'th-padang-besar', 'my-padang-besar'],
  teams: [
    { callSign: 'TH-SADAO-1', agencyCode: 'TH-RTP', size: 8, status: 'on_station', siteCode: 'th-sadao', memberEmails: ['field@th-rtp.demo'], marking: 'TLP:GREEN', recipientAgencyCodes: [], track: { lat: 6.531, lon: 100.421, minutesAgo: 1 } },
    { callSign: 'TH-PBESAR-2', agencyCode: 'TH-RTP', size: 4, status: 'en_route', siteCode: 'th-padang-besar', memberEmails: [], marking: 'TLP:AMBER', recipientAgencyCodes: [], track: null },
    { callSign: 'MY-BKH-1', agencyCode: 'MY-IMI', size: 6, status: 'on_station', siteCode: 'my-bukit-kayu-hitam', memberEmails: ['field@my-imi.demo'], marking: 'TLP:GREEN', recipientAgencyCodes: [], track: { lat: 6.514, lon: 100.419, minutesAgo: 3 } },
  ],
  reports: [
    { key: 'ss-01', authorEmail: 'field@th-rtp.demo', teamCallSign: 'TH-SADAO-1', kind: 'interception', title: 'EXERCISE: pickup truck with 9 persons in the cargo bed', narrative: 'Scripted inject 1. Driver presents a transit permit.', minutesAgo: 90, siteCode: 'th-sadao', offset: [0.004, 0.003], marking: 'TLP:AMBER', interception: { interceptionKind: 'smuggling', persons: 9, suspects: 1, minors: 2, nationalities: ['MM', 'KH'] }, decision: { status: 'verified', reason: 'Inject handled as scripted', byEmail: 'commander@th-rtp.demo' } },
    { key: 'ss-02', authorEmail: 'field@th-rtp.demo', teamCallSign: 'TH-SADAO-1', kind: 'alert', title: 'EXERCISE: SLTD hit on a Malaysian passport at Sadao', narrative: 'Scripted inject 2.', minutesAgo: 40, siteCode: 'th-sadao', offset: [0.001, -0.001], marking: 'TLP:AMBER' },
    { key: 'ss-03', authorEmail: 'commander@th-rtp.demo', teamCallSign: null, kind: 'sitrep', title: 'EXERCISE: start of exercise, all teams deployed', narrative: 'Exercise control in the Sadao command post.', minutesAgo: 170, siteCode: null, marking: 'TLP:CLEAR' },
    { key: 'ss-04', authorEmail: 'field@my-imi.demo', teamCallSign: 'MY-BKH-1', kind: 'interception', title: 'EXERCISE: three suspects with forged Thai ID cards', narrative: 'Scripted inject 3.', minutesAgo: 60, siteCode: 'my-bukit-kayu-hitam', offset: [-0.003, 0.002], marking: 'TLP:AMBER', interception: { interceptionKind: 'fraudulent_documents', persons: 3, suspects: 3, nationalities: ['TH'], documentsSeized: 3 } },
    { key: 'ss-05', authorEmail: 'field@my-imi.demo', teamCallSign: 'MY-BKH-1', kind: 'sitrep', title: 'EXERCISE: Bukit Kayu Hitam lanes 3–5 closed for the drill', narrative: '', minutesAgo: 120, siteCode: 'my-bukit-kayu-hitam', offset: [0.0, 0.001], marking: 'TLP:GREEN' },
    { key: 'ss-06', authorEmail: 'commander@my-imi.demo', teamCallSign: null, kind: 'alert', title: 'EXERCISE: tip-off for the Thai side only', narrative: 'Scripted inject 4: information shared with the lead agency under TLP:RED.', minutesAgo: 30, siteCode: 'th-padang-besar', offset: [0.002, 0.004], marking: 'TLP:RED', recipientAgencyCodes: ['TH-RTP'] },
    { key: 'ss-07', authorEmail: 'commander@th-rtp.demo', teamCallSign: 'TH-SADAO-1', kind: 'interception', title: 'EXERCISE: role-players posing as a family of five', narrative: 'Scripted inject 5; documents genuine, exercise ends the scenario.', minutesAgo: 75, siteCode: 'th-sadao', offset: [-0.002, 0.002], marking: 'TLP:AMBER+STRICT', interception: { interceptionKind: 'other', persons: 5, minors: 3, nationalities: ['TH'] }, decision: { status: 'rejected', reason: 'Scenario check: no offence, documents genuine', byEmail: 'commander@th-rtp.demo' } },
    { key: 'ss-08', authorEmail: 'field@my-imi.demo', teamCallSign: 'MY-BKH-1', kind: 'interception', title: 'EXERCISE: seizure of 12 counterfeit visas', narrative: 'Scripted inject 6.', minutesAgo: 20, siteCode: 'my-bukit-kayu-hitam', offset: [0.003, -0.002], marking: 'TLP:AMBER', interception: { interceptionKind: 'seizure', persons: 1, suspects: 1, nationalities: ['MY'], documentsSeized: 12 }, decision: { status: 'verified', reason: 'Inject handled as scripted', byEmail: 'commander@my-imi.demo' } },
    { key: 'ss-09', authorEmail: 'field@th-rtp.demo', teamCallSign: 'TH-SADAO-1', kind: 'sitrep', title: 'EXERCISE: lunch break for team Sadao 1', narrative: '', minutesAgo: 5, siteCode: 'th-sadao', offset: [0.0, 0.0], marking: 'TLP:GREEN' },
    { key: 'ss-10', authorEmail: 'commander@my-imi.demo', teamCallSign: null, kind: 'sitrep', title: 'EXERCISE: Malaysian side sitrep', narrative: 'Two injects handled, one pending.', minutesAgo: 15, siteCode: null, marking: 'TLP:AMBER' },
  ],
};

export const DEMO_OPERATIONS: DemoOperation[] = [mekongGate, sadaoShield];
