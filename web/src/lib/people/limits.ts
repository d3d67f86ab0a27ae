/** How many people one org chart request returns (a level longer than this pages). */
export const ORG_CHART_PAGE = 100;
