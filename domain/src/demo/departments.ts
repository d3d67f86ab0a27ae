// The departments a generated organisation draws from, in the order they are added as the
// organisation grows (the first four are always there, DEMO4). Team names are unique across the
// whole catalogue, ignoring case, as they are in an organisation (ORG8).

export interface TeamTemplate {
  name: string;
  /** The job of the team's members, before any seniority prefix. */
  role: string;
}

export interface DepartmentTemplate {
  name: string;
  /** Title of the department head, who reports to the CEO. */
  headTitle: string;
  /** Short name used in director titles: "Director of Engineering". */
  directorOf: string;
  managerTitle: string;
  /** Share of the organisation's headcount relative to the other departments present. */
  weight: number;
  /**
   * Senior roles that report to the department head directly, outside any team; each names its
   * level (Lead IC4, Principal IC5: DEMO12).
   */
  staffRoles: readonly string[];
  /** Engineering-style ladders say Staff and Distinguished; the others say Lead and Principal. */
  ladder: 'technical' | 'general';
  teams: readonly TeamTemplate[];
}

/** Index of People & Operations, whose head is the organisation's admin (DEMO8). */
export const PEOPLE_DEPARTMENT_INDEX = 3;

export const DEPARTMENTS: readonly DepartmentTemplate[] = [
  {
    name: 'Engineering',
    headTitle: 'VP Engineering',
    directorOf: 'Engineering',
    managerTitle: 'Engineering Manager',
    weight: 40,
    staffRoles: [
      'Principal Engineer',
      'Staff Technical Program Manager',
      'Engineering Operations Lead',
    ],
    ladder: 'technical',
    teams: [
      { name: 'Platform', role: 'Software Engineer' },
      { name: 'Payments', role: 'Software Engineer' },
      { name: 'Mobile', role: 'Mobile Engineer' },
      { name: 'Web Experience', role: 'Frontend Engineer' },
      { name: 'Site Reliability', role: 'Site Reliability Engineer' },
      { name: 'Search', role: 'Software Engineer' },
      { name: 'Integrations', role: 'Software Engineer' },
      { name: 'Identity', role: 'Software Engineer' },
      { name: 'Developer Experience', role: 'Software Engineer' },
      { name: 'Quality Engineering', role: 'QA Engineer' },
      { name: 'Notifications', role: 'Software Engineer' },
      { name: 'Billing', role: 'Software Engineer' },
    ],
  },
  {
    name: 'Product & Design',
    headTitle: 'VP Product',
    directorOf: 'Product',
    managerTitle: 'Group Product Manager',
    weight: 15,
    staffRoles: ['Product Operations Lead', 'Principal Product Designer'],
    ladder: 'general',
    teams: [
      { name: 'Core Product', role: 'Product Manager' },
      { name: 'Product Design', role: 'Product Designer' },
      { name: 'User Research', role: 'UX Researcher' },
      { name: 'Growth Product', role: 'Product Manager' },
      { name: 'Design Systems', role: 'Product Designer' },
      { name: 'Content Design', role: 'Content Designer' },
    ],
  },
  {
    name: 'Sales & Marketing',
    headTitle: 'Chief Revenue Officer',
    directorOf: 'Sales',
    managerTitle: 'Sales Manager',
    weight: 27,
    staffRoles: ['Revenue Operations Lead', 'Sales Enablement Lead'],
    ladder: 'general',
    teams: [
      { name: 'Enterprise Sales', role: 'Account Executive' },
      { name: 'Mid-Market Sales', role: 'Account Executive' },
      { name: 'Sales Development', role: 'Sales Development Representative' },
      { name: 'Growth Marketing', role: 'Marketing Manager' },
      { name: 'Brand & Communications', role: 'Communications Manager' },
      { name: 'Partnerships', role: 'Partner Manager' },
      { name: 'Solutions Consulting', role: 'Solutions Consultant' },
    ],
  },
  {
    name: 'People & Operations',
    headTitle: 'VP People Operations',
    directorOf: 'People',
    managerTitle: 'People Operations Manager',
    weight: 18,
    staffRoles: ['Principal People Partner', 'Business Operations Lead'],
    ladder: 'general',
    teams: [
      { name: 'Talent Acquisition', role: 'Recruiter' },
      { name: 'People Partners', role: 'People Partner' },
      { name: 'Finance', role: 'Financial Analyst' },
      { name: 'IT & Workplace', role: 'IT Specialist' },
      { name: 'Total Rewards', role: 'Compensation Analyst' },
      { name: 'Learning & Development', role: 'Learning Specialist' },
    ],
  },
  {
    name: 'Customer Experience',
    headTitle: 'VP Customer Experience',
    directorOf: 'Customer Experience',
    managerTitle: 'Support Manager',
    weight: 20,
    staffRoles: ['Support Operations Lead'],
    ladder: 'general',
    teams: [
      { name: 'Customer Support', role: 'Support Specialist' },
      { name: 'Customer Success', role: 'Customer Success Manager' },
      { name: 'Onboarding', role: 'Onboarding Specialist' },
      { name: 'Technical Support', role: 'Support Engineer' },
      { name: 'Support Knowledge', role: 'Technical Writer' },
    ],
  },
  {
    name: 'Data & Analytics',
    headTitle: 'VP Data',
    directorOf: 'Data',
    managerTitle: 'Data Science Manager',
    weight: 10,
    staffRoles: ['Principal Data Scientist'],
    ladder: 'technical',
    teams: [
      { name: 'Data Platform', role: 'Data Engineer' },
      { name: 'Analytics', role: 'Data Analyst' },
      { name: 'Machine Learning', role: 'Machine Learning Engineer' },
      { name: 'Business Intelligence', role: 'BI Developer' },
    ],
  },
  {
    name: 'Security & Infrastructure',
    headTitle: 'Chief Information Security Officer',
    directorOf: 'Security',
    managerTitle: 'Security Engineering Manager',
    weight: 8,
    staffRoles: ['Principal Security Architect'],
    ladder: 'technical',
    teams: [
      { name: 'Application Security', role: 'Security Engineer' },
      { name: 'Cloud Infrastructure', role: 'Infrastructure Engineer' },
      { name: 'Security Operations', role: 'Security Analyst' },
      { name: 'Governance & Risk', role: 'GRC Analyst' },
    ],
  },
  {
    name: 'Finance & Legal',
    headTitle: 'Chief Financial Officer',
    directorOf: 'Finance',
    managerTitle: 'Finance Manager',
    weight: 7,
    staffRoles: ['Principal Legal Counsel'],
    ladder: 'general',
    teams: [
      { name: 'Accounting', role: 'Accountant' },
      { name: 'Financial Planning', role: 'FP&A Analyst' },
      { name: 'Legal', role: 'Legal Counsel' },
      { name: 'Procurement', role: 'Procurement Specialist' },
    ],
  },
  {
    name: 'Marketing',
    headTitle: 'Chief Marketing Officer',
    directorOf: 'Marketing',
    managerTitle: 'Marketing Manager',
    weight: 10,
    staffRoles: ['Marketing Operations Lead'],
    ladder: 'general',
    teams: [
      { name: 'Product Marketing', role: 'Product Marketing Manager' },
      { name: 'Demand Generation', role: 'Demand Generation Manager' },
      { name: 'Events', role: 'Events Manager' },
      { name: 'Web & SEO', role: 'SEO Specialist' },
    ],
  },
];
