"""The residents' path: finding consultations, the survey as shown, drafts, skip logic and submission."""
