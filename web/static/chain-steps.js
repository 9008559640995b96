// The steps of each track, in order, as the server's workflow defines them
// (chain/workflow.cpp); the case page draws its progress bar from these.
export const stepsOfTrack = {
  1: ['contact', 'intake', 'safety_plan', 'referral', 'closed'],
  2: ['intake', 'file', 'assessment', 'assignment', 'implementation', 'evaluation', 'closed'],
  3: ['intake', 'crisis', 'system_help', 'follow_up', 'closed'],
};
