// What the demo's 1:1s talk about (one-on-ones.ts draws from here): talking points per agenda
// section — Align (priorities and the goals above them), Track (progress), Achieve (blockers,
// growth, feedback) —, action items, shared notes and private notes, each in the voice of the
// employee's department, with a common pool every department shares. Plain texts, within the
// schema's limits (ONE9: points ≤ 500 characters, item titles ≤ 200).
import type { AgendaSection } from '../one-on-ones/model.ts';

/** Which catalogue a series draws from: the employee's department, or the CEO's staff. */
export type Flavour = 'engineering' | 'product' | 'sales' | 'people' | 'leadership' | 'general';

/** Departments by name (departments.ts) to their flavour; the rest are 'general'. */
export const FLAVOUR_OF_DEPARTMENT: Readonly<Record<string, Flavour>> = {
  Engineering: 'engineering',
  'Security & Infrastructure': 'engineering',
  'Product & Design': 'product',
  'Data & Analytics': 'product',
  'Sales & Marketing': 'sales',
  Marketing: 'sales',
  'Customer Experience': 'sales',
  'People & Operations': 'people',
  'Finance & Legal': 'people',
};

type Texts = Readonly<Record<AgendaSection, readonly string[]>>;

/** Points any 1:1 has. */
const COMMON_POINTS: Texts = {
  align: [
    'Are my priorities for the next two weeks still the right ones?',
    'What changed in the team’s plan after the all-hands?',
    'How does my work tie into this half’s company themes?',
    'Quick check: anything I should drop to make room for the new request?',
    'Which of my goals matters most to you this month?',
    'Context on the reorg rumours — what can you share?',
    'Feedback from the leadership offsite that affects us',
    'Should I still own the quarterly planning doc?',
    'What does “done” look like for my main goal this half?',
  ],
  track: [
    'Progress on my goals since last time',
    'Update on the thing I was stuck on last week',
    'I’m behind on one goal — here is the plan to catch up',
    'Two goals look green, one is drifting yellow',
    'Check-in numbers are in the goal tree, quick walkthrough',
    'Status of the items we carried over',
    'Workload check: this sprint feels heavier than usual',
    'Time off next month and how we cover it',
  ],
  achieve: [
    'Feedback on how I ran the last review meeting',
    'I’d like more stretch work next quarter',
    'Career conversation: what would the next level look like for me?',
    'Can we talk about the conference budget?',
    'A blocker I can’t clear on my own',
    'Mentoring: how is it going with the new joiner?',
    'What should I learn next to be more useful to the team?',
    'Ask: a sponsor for the internal talk I want to give',
    'Recognition for the people who helped on the launch',
    'I need help saying no to side requests',
  ],
};

const FLAVOUR_POINTS: Readonly<Record<Flavour, Texts>> = {
  engineering: {
    align: [
      'Roadmap check: is the migration still ahead of the new API work?',
      'Which tech-debt items should we argue for in planning?',
      'Reliability vs. features this sprint — where should I lean?',
      'Does the architecture review outcome change our Q3 scope?',
      'Should I take on the tech lead role for the payments refactor?',
    ],
    track: [
      'Migration to the new queue: 3 of 5 services moved',
      'p95 latency is down 18% since the caching change',
      'Incident follow-ups from last week’s outage',
      'Code review turnaround is slipping — ideas?',
      'On-call load: five pages this week, two at night',
      'Test flakiness in CI is eating an hour a day',
      'Design doc for the search index is ready for review',
    ],
    achieve: [
      'I’d like to lead the next incident postmortem',
      'Feedback on my design doc — too long?',
      'Path to Staff: what evidence is missing?',
      'Pairing with the new engineer is going well, want to do more',
      'I want to present our observability work at the guild',
      'Blocked on access to the production database replica',
    ],
  },
  product: {
    align: [
      'Is the onboarding redesign still the top bet for this half?',
      'How do we decide between the two discovery tracks?',
      'Alignment with engineering on the roadmap slip',
      'Which customer segment are we optimising for now?',
    ],
    track: [
      'Usability tests: 6 of 8 sessions done, themes emerging',
      'Activation metric moved from 41% to 44%',
      'Design system adoption in the settings pages',
      'PRD for notifications is in review with engineering',
      'Research repository clean-up progress',
    ],
    achieve: [
      'Feedback on how I presented the findings to leadership',
      'I want to run a design critique for the whole department',
      'Growing into a lead role: what should I practise?',
      'Stuck waiting on legal review of the consent screens',
      'Workshop facilitation course — worth it?',
    ],
  },
  sales: {
    align: [
      'Territory split for next quarter',
      'Which accounts should I prioritise for expansion?',
      'New pricing: how do we position it with existing customers?',
      'Is the mid-market push still on after the board meeting?',
    ],
    track: [
      'Pipeline review: three deals in late stage',
      'Quota attainment at 82% with six weeks to go',
      'The Acme renewal is at risk — plan to save it',
      'Campaign results: webinar brought 140 sign-ups',
      'Forecast accuracy this month',
      'CRM hygiene: stale opportunities cleaned up',
    ],
    achieve: [
      'Feedback on my discovery call recording',
      'I want to shadow an enterprise negotiation',
      'Help with a difficult stakeholder at a key account',
      'Sales methodology training — can I join the next cohort?',
      'Ideas to shorten the proof-of-concept phase',
    ],
  },
  people: {
    align: [
      'Hiring plan for next half: which roles first?',
      'Engagement survey themes we should act on',
      'Calibration timeline and what managers need from us',
      'Policy update on remote work: where are we landing?',
    ],
    track: [
      'Time-to-hire is down to 34 days',
      'Onboarding checklist rollout across departments',
      'Payroll migration: parallel run results',
      'Benefits renewal: quotes from three providers',
      'Open requisitions and where each one stands',
    ],
    achieve: [
      'I’d like to own the manager training programme',
      'Feedback on how I handled the difficult exit conversation',
      'Certification in employment law — support?',
      'Too many ad-hoc requests from leaders; how do we triage?',
    ],
  },
  leadership: {
    align: [
      'Department priorities against the company themes',
      'Headcount plan vs. budget for next half',
      'Cross-department dependencies that need a decision',
      'Board prep: what story do we tell about our area?',
    ],
    track: [
      'Department goals: two on track, one behind',
      'Attrition and hiring in my department this quarter',
      'Budget burn is 6% over plan — options',
      'Leadership team health and open conflicts',
    ],
    achieve: [
      'Succession: who could step into my role?',
      'Feedback on my last all-hands',
      'Where I need you to unblock me with other execs',
      'My own development: coaching for the next stage',
    ],
  },
  general: {
    align: [
      'Which of the department’s goals should I contribute to first?',
      'Process changes coming from the new tooling',
    ],
    track: [
      'Monthly report is out, two numbers to discuss',
      'Vendor review is on schedule',
      'Backlog of requests is down to a dozen',
    ],
    achieve: [
      'Course on negotiation skills — could I take it this quarter?',
      'Feedback on the process documentation I wrote',
    ],
  },
};

/** ONE9: the talking points a series of this flavour draws from, by section. */
export function pointTexts(flavour: Flavour): Texts {
  const own = FLAVOUR_POINTS[flavour];
  return {
    align: [...own.align, ...COMMON_POINTS.align],
    track: [...own.track, ...COMMON_POINTS.track],
    achieve: [...own.achieve, ...COMMON_POINTS.achieve],
  };
}

const COMMON_ACTIONS: readonly string[] = [
  'Share the updated priorities in the team channel',
  'Book time with the skip-level manager',
  'Write up the proposal and send it round',
  'Update the goal’s check-in with this week’s numbers',
  'Draft the development plan for next quarter',
  'Send the conference request with the budget estimate',
  'Ask the team for feedback on the new process',
  'Block focus time in the calendar for deep work',
];

const FLAVOUR_ACTIONS: Readonly<Record<Flavour, readonly string[]>> = {
  engineering: [
    'Write the postmortem for the queue outage',
    'Open the RFC for the caching layer',
    'Pair on the flaky integration tests',
    'Request production replica access from SRE',
    'Split the migration ticket into smaller pieces',
    'Review the on-call rotation with the team',
  ],
  product: [
    'Share the usability test summary with engineering',
    'Schedule the design critique',
    'Update the PRD with the legal feedback',
    'Send the research plan to the sales team',
  ],
  sales: [
    'Prepare the renewal plan for the at-risk account',
    'Clean up the stale opportunities in the CRM',
    'Send the pricing one-pager to the key accounts',
    'Set up a call with the customer’s new champion',
  ],
  people: [
    'Send the hiring plan draft to department heads',
    'Collect quotes for the benefits renewal',
    'Publish the onboarding checklist',
    'Draft the remote-work policy FAQ',
  ],
  leadership: [
    'Circulate the headcount plan to the leadership team',
    'Prepare two succession candidates for discussion',
    'Send the budget options before Friday',
  ],
  general: ['Summarise the vendor review', 'Update the process documentation'],
};

export const actionTitles = (flavour: Flavour): readonly string[] => [
  ...FLAVOUR_ACTIONS[flavour],
  ...COMMON_ACTIONS,
];

/** Shared notes: a heading, then a paragraph and a list drawn from these. */
export const NOTE_HEADINGS: readonly string[] = [
  'Notes',
  'Key points',
  'Decisions',
  'What we agreed',
  'Follow-ups',
];

export const NOTE_PARAGRAPHS: readonly string[] = [
  'Good conversation about priorities. We agreed to protect focus time and push back on side requests for the next two weeks.',
  'Progress is solid; the main risk is the dependency on the other team. Escalate early if nothing moves by Wednesday.',
  'Talked about growth: more ownership of planning, and presenting the work to a wider audience.',
  'Workload is high but manageable. Revisit next week and drop something if it is still too much.',
  'Feedback was specific and useful. Keep the written updates short, lead with the decision needed.',
  'Quick one this week; most of the time went on the blocker, which is now cleared.',
  'Mood a bit lower this week — the on-call nights and the deadline together. Checking in again next time.',
];

export const NOTE_BULLETS: readonly string[] = [
  'Keep the goal check-ins weekly',
  'Ask for help earlier when blocked',
  'Share the draft before it is perfect',
  'Next review in two weeks',
  'Celebrate the launch with the team',
  'Pick one learning goal for the quarter',
  'Less context-switching: batch the reviews',
];

export const NOTE_TASKS: readonly string[] = [
  'Send the summary to the team',
  'Update the goal tree',
  'Book the follow-up',
  'Read the design doc before Thursday',
  'Ask finance about the budget line',
];

/** Private notes of the well-known manager and employee (ONE5): only their author reads them. */
export const MANAGER_PRIVATE_NOTES: readonly string[] = [
  'Seems stretched by the on-call rotation; check workload before adding the migration work.',
  'Strong ownership on the incident. Mention it in the calibration notes.',
  'Wants the Staff path — look for a cross-team project that would show it.',
  'Quieter than usual today. Ask how things are outside work next time, gently.',
  'Promised to follow up on the conference budget. Do it this week.',
];

export const EMPLOYEE_PRIVATE_NOTES: readonly string[] = [
  'Bring up the Staff path again — ask what evidence is missing, concretely.',
  'Felt rushed today. Next time put the blocker first on the agenda.',
  'Remember to ask about the conference budget before the deadline.',
  'Glad I raised the on-call load; things feel lighter now.',
];
